package org.kashbridge.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.kashbridge.support.Api;
import org.kashbridge.support.FreePortResource;
import org.kashbridge.support.Inbox;
import org.kashbridge.support.InjectWireMock;
import org.kashbridge.support.Jms;
import org.kashbridge.support.Settings;
import org.kashbridge.support.WireMockKash;

/**
 * A Kash that echoes the key back, the way a PHP back end writes it (json_encode escapes {@code /}, {@code "} and
 * non-ASCII; an error page HTML-escapes it), with a key holding {@code " \ / & % + < ' >} and non-ASCII: no form of
 * it reaches the REST answer, the JMS outcome and dead letter, the failed records, the report, the ledger, the
 * broker journal or the log. The scan looks for the key's alphanumeric core, which every text encoding keeps, as
 * UTF-8 and as UTF-16 (the journal's strings).
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockKash.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = Settings.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(
        name = "kash.api-key", value = SecretEncodingsTest.CANARY))
class SecretEncodingsTest {

    static final String CORE = "Zx81wqPcanary";
    static final String CANARY = "Kq\"\\/&%+\u00e9\u20ac<'>" + CORE;

    @InjectWireMock
    WireMockServer kash;
    @Inject
    ConnectionFactory cf;

    /** {@code s} as PHP's json_encode writes it by default: a backslash before / " and backslash, non-ASCII as backslash-u00e9. */
    static String php(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '/') {
                b.append('\\').append(c);
            } else if (c > 0x7E) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#039;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private void echoes(String order, int status, String body) {
        kash.stubFor(post(urlEqualTo("/workers/editOrder.php")).withRequestBody(containing("&orderID=" + order + "&"))
                .willReturn(aResponse().withStatus(status).withBody(body)));
    }

    @Test
    void noFormOfTheKeyLeavesTheBridge() throws Exception {
        String refusal = "{\"success\":false,\"result\":\"Invalid key \\\"" + php(CANARY)
                + "\\\" for shop test-shop\"}";
        echoes("61001", 200, refusal);
        echoes("61002", 200, refusal);
        echoes("61003", 200, refusal);
        echoes("61004", 500, "<html><body>Fatal: key=" + html(CANARY) + " ("
                + java.net.URLEncoder.encode(CANARY, StandardCharsets.UTF_8) + ")</body></html>");
        List<String> answers = new ArrayList<>();

        Response rest = given().header("X-API-Key", Api.KEY).contentType(ContentType.JSON)
                .body("{\"orderID\":61001,\"payment\":-1}").post("/api/order-edits");
        assertEquals(422, rest.statusCode(), rest.asString());
        assertTrue(rest.asString().contains("Invalid key"), "Kash's message is passed on: " + rest.asString());
        answers.add(rest.asString());

        Inbox.drop("secret-echo.csv", "orderID,payment\n61002,-1\n61004,-1\n");
        Inbox.awaitReport(Inbox.done(), "secret-echo.csv");

        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var m = ctx.createTextMessage("{\"orderID\":61003,\"payment\":-1}");
            m.setJMSCorrelationID("secret-61003");
            ctx.createProducer().send(ctx.createQueue("kash.order-edits"), m);
        }
        Message outcome = Jms.receive(cf, "kash.order-edits.results", "JMSCorrelationID = 'secret-61003'");
        assertNotNull(outcome);
        answers.add(describe(outcome));
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Enumeration<?> dead = ctx.createBrowser(ctx.createQueue("kash.order-edits.DLQ")).getEnumeration();
            while (dead.hasMoreElements()) {
                answers.add(describe((Message) dead.nextElement()));
            }
        }
        assertTrue(answers.size() >= 4, "the refusals and the failure are dead-lettered: " + answers.size());
        for (String a : answers) {
            assertTrue(!a.contains(CORE), "the key in " + a);
        }

        List<Path> written;
        try (Stream<Path> files = Files.walk(FreePortResource.DATA)) {
            written = new ArrayList<>(files.filter(Files::isRegularFile).toList());
        }
        written.add(Path.of("target/quarkus.log"));
        assertTrue(written.stream().anyMatch(p -> p.toString().contains("ledger")),
                "the ledger is scanned: " + written);
        assertTrue(written.stream().anyMatch(p -> p.toString().contains("journal")), "the journal is scanned");
        assertTrue(written.stream().anyMatch(p -> p.toString().endsWith(".result.csv")), "the report is scanned");
        for (Path p : written) {
            byte[] bytes = Files.readAllBytes(p);
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertEquals(-1, indexOf(bytes, CORE.getBytes(cs)), "the key (" + cs + ") in " + p);
            }
        }
    }

    private static String describe(Message m) throws Exception {
        StringBuilder b = new StringBuilder(m.getBody(String.class));
        for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements();) {
            String n = (String) names.nextElement();
            b.append(' ').append(n).append('=').append(m.getObjectProperty(n));
        }
        return b.toString();
    }

    private static int indexOf(byte[] hay, byte[] needle) throws IOException {
        outer: for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
