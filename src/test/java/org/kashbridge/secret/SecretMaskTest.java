package org.kashbridge.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every encoding a secret travels in is masked; a secret too short to be told from ordinary text is not searched. */
class SecretMaskTest {

    static final String KEY = "Kq\"\\/&%+\u00e9<'>Zx81";
    final SecretMask mask = SecretMask.of(List.of(KEY, "abc"));

    @Test
    void everyEncodingIsMasked() {
        for (String form : List.of(KEY, // as is
                "Kq%22%5C%2F%26%25%2B%C3%A9%3C%27%3EZx81", // form-encoded
                "Kq%22%5c%2f%26%25%2b%c3%a9%3c%27%3eZx81", // lower-case hex
                "Kq\\\"\\\\/&%+\u00e9<'>Zx81", // JSON (Jackson)
                "Kq\\\"\\\\\\/&%+\\u00e9<'>Zx81", // JSON (PHP json_encode)
                "Kq\\\"\\\\\\/&%+\\u00E9<'>Zx81", // JSON, upper-case hex
                "Kq&quot;\\/&amp;%+\u00e9&lt;&#039;&gt;Zx81", // HTML (PHP htmlspecialchars)
                "Kq&#34;\\/&amp;%+\u00e9&lt;&#39;&gt;Zx81", // HTML, numeric
                "Kq\"\"\\/&%+\u00e9<'>Zx81", // CSV-quoted
                "Kq\\\"\"\\\\\\/&%+\\u00e9<'>Zx81", // PHP JSON inside a quoted CSV cell
                "Kq&quot;\\/&amp;%+[0xffffffc3][0xffffffa9]&lt;&#039;&gt;Zx81")) { // HTML in HttpClient's wire log
            assertEquals("key=**** end", mask.apply("key=" + form + " end"), form);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void forget() {
        SecretMask.forgetGenerated();
    }

    @Test
    void aSecretTheBridgeMakesWhileItRunsIsMaskedByMasksMadeBefore() {
        String generated = "9f3c0a7e2b1d48aa6c5e";
        assertEquals("p=" + generated, mask.apply("p=" + generated));
        SecretMask.addGenerated(generated);
        assertEquals("p=**** q=\"****\"", mask.apply("p=" + generated + " q=\"" + generated + "\""));
        assertEquals("p=****", SecretMask.of(List.of()).apply("p=" + generated));
    }

    @Test
    void aSecretOfThreeCharactersIsNotSearchedFor() {
        assertEquals("abcdef", mask.apply("abcdef"));
    }
}
