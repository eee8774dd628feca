package org.kashbridge.support;

import org.kashbridge.core.EditIdentity;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.validate.EditValidator;

/** The fingerprint the bridge gives an edit's JSON: the same edit sent again is recognised by it. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String editJson) {
        return EditIdentity.fingerprint(EditValidator.validate(JsonEditReader.read(editJson)).edit());
    }
}
