package org.kashbridge.model;

/** The three kinds of itemsList[] line Kash knows. */
public enum LineType {
    /** A catalogue article: {@code id}, {@code id_qty}, {@code id_qty_title_price[_v1.._v5]}. */
    article,
    /** A free line attached to a department (rayon): {@code -idRayon_price_title}. */
    department,
    /** A free line with no department: {@code Free_price_title}. */
    free;

    /** The type named by {@code text}, in any case; null when there is none. Runs for every line of a file. */
    public static LineType parse(String text) {
        switch (text) {
            case "article":
                return article;
            case "department":
                return department;
            case "free":
                return free;
            default:
                for (LineType t : values()) {
                    if (t.name().equalsIgnoreCase(text)) {
                        return t;
                    }
                }
                return null;
        }
    }
}
