package org.kashbridge.model;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The 16 {@code client[...]} fields of editOrder, in the order the API documents (and we send) them. */
public enum ClientField {
    nom, prenom, email, telephone, adresseligne1, adresseligne2, commentaireadresse, codepostal,
    ville, pays, numtva, rcs, codeBarre, telephone2, lat, lng;

    private static final Map<String, ClientField> BY_LOWER = Stream.of(values())
            .collect(Collectors.toMap(f -> f.name().toLowerCase(Locale.ROOT), Function.identity()));

    private final String formKey = "client[" + name() + "]";
    private final String path = "client." + name();

    /** Form key as Kash expects it, e.g. {@code client[nom]}. */
    public String formKey() {
        return formKey;
    }

    /** Canonical source name used by CSV headers and JSON paths, e.g. {@code client.nom}. */
    public String path() {
        return path;
    }

    public static ClientField byNameIgnoreCase(String name) {
        return BY_LOWER.get(name.toLowerCase(Locale.ROOT));
    }
}
