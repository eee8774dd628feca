package org.kashbridge.layout;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The article cross-reference of a layout: the ERP's article code to a Kash idArticle (or, for codes
 * sold as a department line, an idRayon). A CSV in UTF-8 with a header {@code code,idArticle,idRayon}
 * ({@code ;} also accepted). Codes are matched exactly after trimming.
 */
public final class ArticleXref {

    /** What happens to a row whose article code is not in the cross-reference. */
    public enum Unmapped {
        REJECT, FREE, DEPARTMENT
    }

    public record Target(Long idArticle, Long idRayon) {
    }

    private final Path file;
    private final Map<String, Target> codes;
    private final Unmapped unmapped;
    private final Long department;

    private ArticleXref(Path file, Map<String, Target> codes, Unmapped unmapped, Long department) {
        this.file = file;
        this.codes = codes;
        this.unmapped = unmapped;
        this.department = department;
    }

    public Path file() {
        return file;
    }

    public Target lookup(String code) {
        return codes.get(code);
    }

    public Unmapped unmapped() {
        return unmapped;
    }

    /** The department (idRayon) of unmapped codes when {@link #unmapped()} is DEPARTMENT. */
    public Long department() {
        return department;
    }

    public int size() {
        return codes.size();
    }

    static ArticleXref load(Path file, String layoutFile, Unmapped unmapped, Long department) {
        if (!Files.isRegularFile(file)) {
            throw new LayoutException(layoutFile, "articles.file", "the cross-reference " + file + " does not exist");
        }
        Map<String, Target> codes = new HashMap<>();
        try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            String text = new java.io.BufferedReader(r).lines().reduce(new StringBuilder(),
                    (sb, l) -> sb.append(l).append('\n'), StringBuilder::append).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            int nl = text.indexOf('\n');
            String first = nl < 0 ? text : text.substring(0, nl);
            char delimiter = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.parse(text, format)) {
                List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
                if (!header.contains("code") || (!header.contains("idarticle") && !header.contains("idrayon"))) {
                    throw new LayoutException(layoutFile, "articles.file", file + ": the header must name the columns "
                            + "code and idArticle (and optionally idRayon), but it reads " + parser.getHeaderNames());
                }
                for (CSVRecord rec : parser) {
                    String where = file + " row " + (rec.getRecordNumber() + 1);
                    String code = rec.get("code");
                    if (code.isEmpty()) {
                        throw new LayoutException(layoutFile, "articles.file", where + ": the code is empty");
                    }
                    Long article = id(rec, "idArticle", where, layoutFile);
                    Long rayon = id(rec, "idRayon", where, layoutFile);
                    if (article == null && rayon == null) {
                        throw new LayoutException(layoutFile, "articles.file", where + ": code '" + code
                                + "' has neither an idArticle nor an idRayon");
                    }
                    if (codes.put(code, new Target(article, rayon)) != null) {
                        throw new LayoutException(layoutFile, "articles.file", where + ": code '" + code
                                + "' appears twice");
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw new LayoutException(layoutFile, "articles.file", file + " is not valid UTF-8: save it as UTF-8");
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new LayoutException(layoutFile, "articles.file", file + " cannot be read: " + e.getMessage());
        }
        return new ArticleXref(file, Map.copyOf(codes), unmapped, department);
    }

    private static Long id(CSVRecord rec, String column, String where, String layoutFile) {
        if (!rec.isMapped(column) || rec.get(column).isEmpty()) {
            return null;
        }
        String v = rec.get(column);
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LayoutException(layoutFile, "articles.file",
                where + ": " + column + " must be a positive integer, got '"
                        + v + "'");
    }
}
