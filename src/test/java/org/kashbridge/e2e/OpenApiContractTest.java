package org.kashbridge.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.model.ClientField;

/** The published OpenAPI contract names exactly the fields the reader accepts, with working examples. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void schemaMatchesTheReaderAndExamplesAreValid() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> props = doc.getMap("components.schemas.OrderEdit.properties");
        assertEquals(new TreeSet<>(JsonEditReader.FIELDS), new TreeSet<>(props.keySet()));
        assertEquals(new TreeSet<>(JsonEditReader.ITEM_FIELDS),
                new TreeSet<>(doc.getMap("components.schemas.Item.properties").keySet()));
        Set<String> client = new TreeSet<>();
        Arrays.stream(ClientField.values()).forEach(c -> client.add(c.name()));
        assertEquals(client, new TreeSet<>(doc.getMap("components.schemas.Client.properties").keySet()));

        // the same rules as the validator: required fields, bounds; the batch is a list of the same edits
        assertEquals(java.util.List.of("orderID", "payment"), doc.getList("components.schemas.OrderEdit.required"));
        assertEquals(6, doc.getInt("components.schemas.OrderEdit.properties.deliveryMethod.maximum"));
        assertEquals(1, doc.getInt("components.schemas.OrderEdit.properties.idtable.minimum"));
        // the limits of docs/api.md, from the same constants the validator applies
        assertEquals(org.kashbridge.validate.Limits.TITLE,
                doc.getInt("components.schemas.Item.properties.title.maxLength"));
        assertEquals(org.kashbridge.validate.Limits.COMMENT,
                doc.getInt("components.schemas.OrderEdit.properties.publicComment.maxLength"));
        assertEquals(org.kashbridge.validate.Limits.CLIENT_FIELD,
                doc.getInt("components.schemas.Client.properties.nom.maxLength"));
        assertEquals(org.kashbridge.validate.Limits.LINES,
                doc.getInt("components.schemas.OrderEdit.properties.items.maxItems"));
        assertEquals(256, doc.getInt("components.schemas.OrderEdit.properties.editId.maxLength"));
        assertEquals("#/components/schemas/OrderEdit", doc.getString("components.schemas.OrderEdits.items.$ref"));
        assertEquals("#/components/schemas/OrderEdits", doc.getString(
                "paths.'/api/order-edits/batch'.post.requestBody.content.'application/json'.schema.$ref"));

        // every status an answer can carry is in the published contract
        Set<String> statuses = new TreeSet<>();
        Arrays.stream(org.kashbridge.core.EditStatus.values()).forEach(st -> statuses.add(st.name()));
        statuses.add("ACCEPTED");
        assertEquals(statuses, new TreeSet<>(doc.getList("components.schemas.EditOutcome.properties.status.enum",
                String.class)));

        Map<String, Map<String, Object>> examples = doc.getMap(
                "paths.'/api/order-edits'.post.requestBody.content.'application/json'.examples");
        assertTrue(examples.size() >= 3);
        for (Map<String, Object> example : examples.values()) {
            Object value = example.get("value");
            String json = value instanceof String s ? s
                    : new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value).toString();
            given().header("X-API-Key", "test-api-key").contentType("application/json").body(json)
                    .post("/api/order-edits").then().statusCode(200);
        }
    }
}
