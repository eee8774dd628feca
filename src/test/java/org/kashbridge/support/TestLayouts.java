package org.kashbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The layouts folder of the test profile: the shipped layouts, plus whatever a test writes. */
public final class TestLayouts {

    /** The UCI "Online Retail" export of a UK retailer: invoices, C-prefixed cancellations, unit prices. */
    public static final String UK_RETAIL = """
            description: UCI Online Retail export (a UK retailer)
            delimiter: ","
            fields:
              orderID:
                column: InvoiceNo
                regex: '^C?(\\d+)$'
              payment: { value: "-1" }
              itemType: { value: free }
              title: Description
              quantity: Quantity
              price: UnitPrice
            """;

    private TestLayouts() {
    }

    public static Path dir() {
        return Inbox.dir("kash.layouts.dir");
    }

    /** Copies config/layouts/* (the shipped layouts and cross-references) into the test folder. */
    public static void installShipped() {
        try (Stream<Path> files = Files.list(Path.of("config/layouts"))) {
            Files.createDirectories(dir());
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir().resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(String name, String yaml) {
        try {
            Files.createDirectories(dir());
            Path tmp = dir().resolve("." + name + ".tmp");
            Files.writeString(tmp, yaml);
            Files.move(tmp, dir().resolve(name + ".yaml"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Path.of("samples/layouts", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
