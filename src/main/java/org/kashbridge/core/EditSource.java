package org.kashbridge.core;

/**
 * Where an edit came from, for reports, records and alerts: the channel (file, rest, jms), the name
 * (file name, message id...) and a detail such as "rows 2, 5".
 */
public record EditSource(String channel, String name, String detail) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(channel);
        if (name != null) {
            sb.append(' ').append(name);
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(' ').append(detail);
        }
        return sb.toString();
    }
}
