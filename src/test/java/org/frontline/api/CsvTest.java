package org.frontline.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest's CSV dialect (RFC 4180): quotes, line breaks, refusals with a line and no text. */
class CsvTest {

    @Test
    void fieldsRecordsAndQuotes() throws Exception {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "", "3")), Csv.parse("a,b,c\r\n1,,3\r\n"));
        assertEquals(List.of(List.of("a", "b"), List.of("x", "y")), Csv.parse("a,b\nx,y"), "LF, no last line break");
        assertEquals(List.of(List.of("Martin, Claire", "say \"hi\"", "two\nlines")),
                Csv.parse("\"Martin, Claire\",\"say \"\"hi\"\"\",\"two\nlines\"\n"));
        assertEquals(List.of(List.of("", "")), Csv.parse(",\n"), "two empty fields");
        assertEquals(List.of(List.of("")), Csv.parse("\"\"\n"), "one quoted empty field is a record");
        assertEquals(List.of(List.of("a"), List.of("b")), Csv.parse("\uFEFFa\n\n\r\nb\n"), "BOM and blank lines skipped");
        assertEquals(List.of(List.of("a", "")), Csv.parse("a,"), "a trailing comma is an empty last field");
        assertTrue(Csv.parse("").isEmpty());
    }

    @Test
    void malformedTextIsRefusedWithItsLineAndWithoutItsText() {
        Csv.Malformed open = assertThrows(Csv.Malformed.class, () -> Csv.parse("a\n\"Secret Name,b\n"));
        assertTrue(open.getMessage().startsWith("line 3"), open.getMessage());
        Csv.Malformed inside = assertThrows(Csv.Malformed.class, () -> Csv.parse("a\nSecret\"Name\n"));
        assertTrue(inside.getMessage().startsWith("line 2"), inside.getMessage());
        assertFalse(inside.getMessage().contains("Secret"));
        Csv.Malformed after = assertThrows(Csv.Malformed.class, () -> Csv.parse("\"Secret\"Name,b\n"));
        assertTrue(after.getMessage().startsWith("line 1"), after.getMessage());
    }
}
