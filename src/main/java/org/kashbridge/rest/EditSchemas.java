package org.kashbridge.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.kashbridge.core.EditStatus;
import org.kashbridge.json.JsonEditReader;
import org.kashbridge.model.ClientField;
import org.kashbridge.model.OrderField;
import org.kashbridge.validate.Limits;

/**
 * The OpenAPI schemas of an order edit and its answer, built from the definitions the reader and the validator
 * use ({@link OrderField}, {@link ClientField}, {@link JsonEditReader}, {@link EditStatus}) instead of a mirror
 * kept by hand: a field added there is documented here. A filter (mp.openapi.filter) because the edit is read
 * from a JSON tree, not bound to a class the scanner could describe.
 */
public class EditSchemas implements OASFilter {

    static final String EDIT = "OrderEdit";
    static final String EDITS = "OrderEdits";
    static final String OUTCOME = "EditOutcome";
    /** Status of an edit queued by Prefer: respond-async, besides every {@link EditStatus}. */
    static final String ACCEPTED = "ACCEPTED";

    private static final Map<String, String> ITEM_FIELDS = Map.of(
            "type", "article, department or free",
            "id", "article id (article) or department id (department)",
            "quantity", "article: how many (default 1)",
            "title", "the line's title; '_' is sent as a space (a title of only '_' and spaces is refused)",
            "price", "unit price, a decimal with a dot",
            "variations", "article: up to five variation choice ids");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components c = openAPI.getComponents();
        c.addSchema(EDIT, edit());
        c.addSchema(EDITS,
                array(ref(EDIT)).description("Edits applied in order; at most KASH_API_MAX_BATCH (100 unless "
                        + "configured) in one request, else 400 and none is sent"));
        c.addSchema("Client", client());
        c.addSchema("Item", item());
        c.addSchema(OUTCOME, outcome());
        c.addSchema("FieldError", object("A field to fix").addProperty("field", text("the field, e.g. items[0].price"))
                .addProperty("where", text("file and row, for file edits"))
                .addProperty("message", text("what to fix")));
    }

    static Schema edit() {
        Schema s = object("One editOrder call. Unknown fields are rejected. Numbers may be sent as JSON numbers or "
                + "strings; decimals use a dot.");
        for (String name : JsonEditReader.FIELDS) {
            OrderField f = OrderField.byNameIgnoreCase(name);
            if (f != null) {
                s.addProperty(name, field(f));
                if (f.required) {
                    s.addRequired(name);
                }
            } else if (name.equals(JsonEditReader.EDIT_ID)) {
                s.addProperty(name, text("Your id for this edit; also its idempotency key").maxLength(256));
            } else if (name.equals(JsonEditReader.CLIENT)) {
                s.addProperty(name, ref("Client").description("A new customer to create and attach"));
            } else if (name.equals(JsonEditReader.ITEMS)) {
                s.addProperty(name, array(ref("Item")).maxItems(Limits.LINES)
                        .description("Lines to append, typed; or use itemsList"));
            } else if (name.equals(JsonEditReader.ITEMS_LIST)) {
                s.addProperty(name, array(text(null).maxLength(Limits.TOKEN)).maxItems(Limits.LINES)
                        .description("Lines to append as raw Kash tokens, e.g. 12_2 or Free_9.99_Other item"));
            } else {
                throw new IllegalStateException("no schema for the field " + name);
            }
        }
        return s;
    }

    private static Schema field(OrderField f) {
        Schema s = OASFactory.createSchema().description(f.description);
        switch (f.kind) {
            case TEXT -> s.addType(SchemaType.STRING).maxLength(Limits.COMMENT);
            case AMOUNT -> s.addType(SchemaType.NUMBER).minimum(BigDecimal.ZERO);
            default -> {
                s.addType(SchemaType.INTEGER).format("int64");
                if (f.kind.minimum != null) {
                    s.minimum(BigDecimal.valueOf(f.kind.minimum));
                }
                if (f.kind.maximum != null) {
                    s.maximum(BigDecimal.valueOf(f.kind.maximum));
                }
            }
        }
        if (f.example != null) {
            s.example(f.kind == OrderField.Kind.TEXT ? f.example : new BigDecimal(f.example));
        }
        return s;
    }

    static Schema client() {
        Schema s = object("Kash's client[...] fields");
        for (ClientField f : ClientField.values()) {
            s.addProperty(f.name(), f == ClientField.lat || f == ClientField.lng
                    ? OASFactory.createSchema().addType(SchemaType.NUMBER) : text(null).maxLength(Limits.CLIENT_FIELD));
        }
        return s;
    }

    static Schema item() {
        Schema s = object("article: id, optional quantity/title/price/variations; department: id, price, title; free: "
                + "price, title");
        for (String name : JsonEditReader.ITEM_FIELDS) {
            String d = ITEM_FIELDS.get(name);
            if (d == null) {
                throw new IllegalStateException("no description for the item field " + name);
            }
            Schema p = switch (name) {
                case "type" -> text(d).enumeration(List.of("article", "department", "free"));
                case "id" -> OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64").description(d);
                case "variations" -> array(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64"))
                        .maxItems(5).description(d);
                case "title" -> text(d).maxLength(Limits.TITLE);
                default -> OASFactory.createSchema().addType(SchemaType.NUMBER).description(d);
            };
            s.addProperty(name, p);
        }
        return s.addRequired("type");
    }

    static Schema outcome() {
        Schema status = text("every edit status, and ACCEPTED for an edit queued by Prefer: respond-async");
        for (EditStatus st : EditStatus.values()) {
            status.addEnumeration(st.name());
        }
        status.addEnumeration(ACCEPTED);
        return object("What happened to an edit").addProperty("status", status)
                .addProperty("editKey", text("the edit's key in this bridge"))
                .addProperty("orderID", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64"))
                .addProperty("invoice", text("OK: the invoice link, when Kash made one"))
                .addProperty("quote", text("OK: the quote link, when Kash made one"))
                .addProperty("paymentLink", text("OK: the payment link, when Kash made one"))
                .addProperty("message", text("what happened, or what to fix"))
                .addProperty("trackingId", text("ACCEPTED: the id the outcome on the results queue carries"))
                .addProperty("errors", array(ref("FieldError")));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description)
                .additionalPropertiesBoolean(false);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    private static Schema array(Schema items) {
        return OASFactory.createSchema().addType(SchemaType.ARRAY).items(items);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }
}
