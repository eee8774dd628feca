package org.kashbridge.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void frenchAmounts() {
        assertEquals("1234.50", Amounts.normalise("1 234,50", ',', ' '));
        assertEquals("1234.50", Amounts.normalise("1\u00A0234,50", ',', ' '));
        assertEquals("1234.50", Amounts.normalise("1\u202F234,50", ',', ' '));
        assertEquals("1234567.5", Amounts.normalise("1 234 567,5", ',', ' '));
        assertEquals("12.5", Amounts.normalise("12,5", ',', ' '));
        assertEquals("1234.5", Amounts.normalise("1234,5", ',', ' '));
        assertEquals("-3.20", Amounts.normalise("-3,20", ',', ' '));
        assertEquals("1234.50", Amounts.normalise("1.234,50", ',', '.'));
        assertEquals("7", Amounts.normalise("7", ',', (char) 0));
    }

    @Test
    void refusesWhatItWouldHaveToGuess() {
        assertNull(Amounts.normalise("12,34,5", ',', ' '));
        assertNull(Amounts.normalise("12,34,5", '.', ','));
        assertNull(Amounts.normalise("1 23,4", ',', ' '));
        assertNull(Amounts.normalise("1 2345,00", ',', ' '));
        assertNull(Amounts.normalise("12.5", ',', ' '));
        assertNull(Amounts.normalise("1 234,50", ',', (char) 0));
        assertNull(Amounts.normalise(",5", ',', ' '));
        assertNull(Amounts.normalise("5,", ',', ' '));
        assertNull(Amounts.normalise("12 €", ',', ' '));
        assertNull(Amounts.normalise("1e3", '.', (char) 0));
    }
}
