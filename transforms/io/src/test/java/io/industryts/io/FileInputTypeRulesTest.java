package io.industryts.io;

import static io.industryts.io.IoTesting.read;
import static io.industryts.io.IoTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing silently retyped or changed while reading CSV (SEMANTICS §2.7): the clear-majority type
 * rule, {@code na_values}, files of a glob that disagree, integers beyond INT64 and the encoding.
 */
class FileInputTypeRulesTest {
  @TempDir Path dir;

  /** A historian export: numbers with status words in between, one row per minute. */
  private Path historian(String name, String... values) throws Exception {
    StringBuilder sb = new StringBuilder("DateTime,v\n");
    for (int i = 0; i < values.length; i++) {
      sb.append(String.format("2024-01-01T00:%02d:00,%s%n", i, values[i]));
    }
    return write(dir, name, sb.toString());
  }

  private static String[] numbersWith(int n, int... statusAt) {
    String[] v = new String[n];
    for (int i = 0; i < n; i++) {
      v[i] = Integer.toString(i);
    }
    String[] words = {"Bad Input", "I/O Timeout", "Shutdown", "Calc Failed"};
    for (int k = 0; k < statusAt.length; k++) {
      v[statusAt[k]] = words[k % words.length];
    }
    return v;
  }

  private static List<Object> column(IoTesting.Read r, String name) {
    return r.rows().stream().map(row -> row.getValue(name)).collect(Collectors.toList());
  }

  @Test
  void statusWordsInANumericColumnAreRowErrorsAndTheColumnStaysNumeric() throws Exception {
    Path f = historian("h.csv", numbersWith(20, 3, 11));
    FileInput in = FileInput.of(f);
    assertEquals(FieldType.INT64.withNullable(true), in.schema().getField("v").getType());
    TypeDecision v = in.typeDecisions().get(1);
    assertEquals(TypeDecision.Origin.INFERRED, v.origin());
    assertEquals(20, v.sampleCells());
    assertEquals(2, v.rowErrorCells());
    assertEquals(
        "v INT64: inferred from 20 sample cells; 2 non-numeric cells (\"Bad Input\", \"I/O"
            + " Timeout\", first at "
            + f
            + ":5) will be row errors (non_numeric_cell): list them in [input] na_values to"
            + " read them as null",
        v.toString());

    IoTesting.Read r = read(in);
    // rows read = rows kept + rows dead-lettered
    assertEquals(18, r.rows().size());
    assertEquals(2, r.errors.size());
    String origin = "(inferred from the first 1000 rows of " + f + ")";
    assertEquals(
        List.of(
            f
                + ":5: column \"v\" (field 2): \"Bad Input\" is not a number; expected INT64 "
                + origin
                + ". Fix: list \"Bad Input\" in [input] na_values to read it as null, or set "
                + "[input.types] v = \"string\" to read the column as text.",
            f
                + ":13: column \"v\" (field 2): \"I/O Timeout\" is not a number; expected INT64 "
                + origin
                + ". Fix: list \"I/O Timeout\" in [input] na_values to read it as null, or set "
                + "[input.types] v = \"string\" to read the column as text."),
        r.messages());
    Row first = r.sortedErrors().get(0);
    assertEquals("non_numeric_cell", first.getString("reason"));
    assertEquals("v", first.getString("field"));
    assertEquals(f.toString(), first.getString("source"));
    assertEquals(5L, first.getInt64("line"));
    assertEquals("2024-01-01T00:03:00,Bad Input", first.getString("raw"));
  }

  @Test
  void naValuesReadStatusWordsAsNullInEveryColumn() throws Exception {
    Path f =
        write(
            dir,
            "h.csv",
            "DateTime,v,state\n"
                + "2024-01-01T00:00:00,1.5,run\n"
                + "2024-01-01T00:01:00, Bad Input ,Shutdown\n"
                + "2024-01-01T00:02:00,Shutdown,run\n"
                + "2024-01-01T00:03:00,2.5,stop\n");
    FileInput in = FileInput.of(f).withNaValues("Bad Input", "Shutdown");
    assertEquals(List.of("Bad Input", "Shutdown"), in.naValues());
    assertEquals(FieldType.DOUBLE.withNullable(true), in.schema().getField("v").getType());
    assertEquals(FieldType.STRING.withNullable(true), in.schema().getField("state").getType());
    assertEquals(0, in.typeDecisions().get(1).rowErrorCells());
    assertEquals("v DOUBLE: inferred from 2 sample cells", in.typeDecisions().get(1).toString());
    IoTesting.Read r = read(in);
    assertEquals(List.of(), r.messages());
    assertEquals(Arrays.asList(1.5, null, null, 2.5), column(r, "v"));
    assertEquals(Arrays.asList("run", null, "run", "stop"), column(r, "state"));
    // as NA tokens: NaN in DOUBLE columns when NaN is kept
    IoTesting.Read keep = read(in.withNanAsNull(false));
    assertTrue(Double.isNaN((Double) column(keep, "v").get(1)));
  }

  @Test
  void naValuesMustNotBeBlank() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FileInput.of("x.csv").withNaValues("ok", " "));
    assertEquals(
        "FileInput: na_values must be non-blank texts. Got \" \" in [ok,  ]; empty cells are null"
            + " anyway. Fix [input] na_values / withNaValues(...).",
        e.getMessage());
  }

  @Test
  void aColumnWithFewerThanNinetyPercentNumbersIsTextAndSaysWhy() throws Exception {
    // 8 numbers and 2 words: 80% < 90%
    Path f = historian("h.csv", numbersWith(10, 1, 2));
    FileInput in = FileInput.of(f);
    assertEquals(FieldType.STRING.withNullable(true), in.schema().getField("v").getType());
    assertEquals(
        "v STRING: inferred from 10 sample cells, 2 of them not numbers (\"Bad Input\", \"I/O"
            + " Timeout\"): fewer than 90% are numbers; list the texts in [input] na_values or set"
            + " [input.types] v = \"double\" to read it as numbers",
        in.typeDecisions().get(1).toString());
    assertEquals(0, in.typeDecisions().get(1).rowErrorCells());
    // exactly 90%: numeric
    Path g = historian("g.csv", numbersWith(10, 1));
    assertEquals(
        FieldType.INT64.withNullable(true), FileInput.of(g).schema().getField("v").getType());
  }

  @Test
  void aKeyColumnWithAnyTextIsText() throws Exception {
    StringBuilder sb = new StringBuilder("DateTime,tag,v\n");
    for (int i = 0; i < 20; i++) {
      sb.append(String.format("2024-01-01T00:%02d:00,%s,%d%n", i, i == 7 ? "PUMP" : "101", i));
    }
    Path f = write(dir, "k.csv", sb.toString());
    FileInput in = FileInput.of(f).keyedBy("tag");
    assertEquals(FieldType.STRING.withNullable(true), in.schema().getField("tag").getType());
    assertEquals(
        "tag STRING: inferred from 20 sample cells, 1 of them not numbers (\"PUMP\"): a key "
            + "column with any text is text",
        in.typeDecisions().get(1).toString());
    assertEquals(20, read(in).rows().size());
  }

  @Test
  void decisionsNameTheTimeColumnAndTypesSetByTheUser() throws Exception {
    Path f = write(dir, "a.csv", "time,v,e\n2024-01-01,1,\n");
    List<String> got = new ArrayList<>();
    for (TypeDecision d : FileInput.of(f).withType("v", FieldType.DOUBLE).typeDecisions()) {
      got.add(d.toString());
    }
    assertEquals(
        List.of(
            "time DATETIME: auto: first field matching [DateTime, tagTime, timestamp, time, date]",
            "v DOUBLE: set in [input.types]",
            "e DOUBLE: no value in the first 1000 rows of "
                + f
                + ", so all null DOUBLE; set [input.types] to choose"),
        got);
  }

  @Test
  void globWhoseFilesDisagreeOnAColumnsTypeNamesBothFilesAndTheFix() throws Exception {
    Path a = historian("a.csv", "1", "2", "3");
    Path b = historian("b.csv", "low", "high", "3");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FileInput.of(dir.resolve("*.csv").toString()).schema());
    assertEquals(
        "FileInput: files matched by \""
            + dir.resolve("*.csv")
            + "\" disagree on the type of column \"v\": "
            + a
            + " holds numbers in it (3 of 3 sample cells) but "
            + b
            + " holds text (2 of 3 sample cells are not numbers, e.g. \"low\", \"high\", first at"
            + " line 2). A column has one type in all files. Set [input.types] v = \"string\" to"
            + " read it as text, or \"double\" to read the numbers and make the other cells row"
            + " errors; or list the texts in [input] na_values.",
        e.getMessage());
    // with the type set, the text cells are row errors: 6 rows read = 4 kept + 2 dead-lettered
    IoTesting.Read r =
        read(FileInput.of(dir.resolve("*.csv").toString()).withType("v", FieldType.DOUBLE));
    assertEquals(4, r.rows().size());
    assertEquals(2, r.errors.size());
    assertEquals(b.toString(), r.sortedErrors().get(0).getString("source"));
    assertEquals(
        Arrays.asList(1L, 2L, 3L, 3L),
        column(read(FileInput.of(dir.resolve("*.csv").toString()).withNaValues("low", "high")), "v")
            .stream()
            .filter(x -> x != null)
            .collect(Collectors.toList()));
  }

  @Test
  void integerBeyondInt64IsAnErrorNamingTheFix() throws Exception {
    Path f = historian("big.csv", "1", "99999999999999999999", "3");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileInput.of(f).schema());
    assertEquals(
        "FileInput: column \"v\" holds integers beyond the INT64 range, e.g. 99999999999999999999"
            + " at "
            + f
            + ":3; read as numbers they would lose digits (DOUBLE keeps about 16). Set"
            + " [input.types] v = \"double\" to read them rounded, or \"string\" to keep every"
            + " digit.",
        e.getMessage());
    assertEquals(
        Arrays.asList(1.0, 1e20, 3.0),
        column(read(FileInput.of(f).withType("v", FieldType.DOUBLE)), "v"));
    assertEquals(
        Arrays.asList("1", "99999999999999999999", "3"),
        column(read(FileInput.of(f).withType("v", FieldType.STRING)), "v"));
    // beside decimals, the column is DOUBLE anyway
    Path g = historian("mixed.csv", "1.5", "99999999999999999999", "3");
    assertEquals(Arrays.asList(1.5, 1e20, 3.0), column(read(FileInput.of(g)), "v"));
  }

  @Test
  void integerBeyondInt64AfterTheSampleIsARowErrorNamingTheFix() throws Exception {
    Path f = historian("big.csv", "1", "2", "99999999999999999999");
    IoTesting.Read r = read(FileInput.of(f).withSampleRows(2));
    assertEquals(2, r.rows().size());
    assertEquals(
        List.of(
            f
                + ":4: column \"v\" (field 2): \"99999999999999999999\" is beyond the range of"
                + " INT64; expected INT64 (inferred from the first 2 rows of "
                + f
                + "). Fix: set [input.types] v = \"double\" to read it rounded, or \"string\" to"
                + " keep every digit."),
        r.messages());
  }

  // ---------------------------------------------------------------------------------------------
  // Encoding

  private Path latin1(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
    return p;
  }

  @Test
  void invalidUtf8InTheSampleIsAnErrorWithFileLineColumnAndTheFix() throws Exception {
    Path f =
        latin1("l.csv", "DateTime,state\n2024-01-01T00:00:00,ok\n2024-01-01T00:01:00,Störung\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileInput.of(f).schema());
    assertEquals(
        "FileInput: "
            + f
            + ":3:23: byte 0xF6 is not valid UTF-8, so the file is in another encoding. Set"
            + " [input] encoding to the file's encoding, e.g. encoding = \"latin-1\" or"
            + " \"windows-1252\" (FileInput.withEncoding in Java).",
        e.getMessage());
  }

  @Test
  void invalidUtf8AfterTheSampleFailsTheReadWithFileLineColumn() throws Exception {
    Path f =
        latin1(
            "l.csv",
            "DateTime,state\n2024-01-01T00:00:00,ok\n2024-01-01T00:01:00,\"two\nlines, Störung\"\n");
    FileInput in = FileInput.of(f).withSampleRows(1);
    Exception e = assertThrows(Exception.class, () -> read(in));
    Throwable t = e;
    while (!(t instanceof IllegalArgumentException) && t.getCause() != null) {
      t = t.getCause();
    }
    assertEquals(
        "FileInput: "
            + f
            + ":4:10: byte 0xF6 is not valid UTF-8, so the file is in another encoding. Set"
            + " [input] encoding to the file's encoding, e.g. encoding = \"latin-1\" or"
            + " \"windows-1252\" (FileInput.withEncoding in Java).",
        t.getMessage());
  }

  @Test
  void latin1IsReadWithTheEncodingSet() throws Exception {
    Path f =
        latin1(
            "l.csv",
            "DateTime,Zustand,Temperatur °C\n"
                + "2024-01-01T00:00:00,Störung,1.5\n"
                + "2024-01-01T00:01:00,läuft,Fühler defekt\n");
    FileInput in = FileInput.of(f).withEncoding("latin-1").withNaValues("Fühler defekt");
    assertEquals("ISO-8859-1", in.encoding());
    assertEquals(List.of("DateTime", "Zustand", "Temperatur °C"), in.schema().getFieldNames());
    IoTesting.Read r = read(in);
    assertEquals(List.of(), r.messages());
    assertEquals(Arrays.asList("Störung", "läuft"), column(r, "Zustand"));
    assertEquals(Arrays.asList(1.5, null), column(r, "Temperatur °C"));
    // windows-1252 by its Java name
    Path w = dir.resolve("w.csv");
    Files.write(w, "time,s\n2024-01-01,€ 5\n".getBytes("windows-1252"));
    assertEquals(List.of("€ 5"), column(read(FileInput.of(w).withEncoding("windows-1252")), "s"));
  }

  @Test
  void unknownAndUnsplittableEncodingsAreRejected() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class, () -> FileInput.of("x.csv").withEncoding("latin-9x"));
    assertEquals(
        "FileInput: unknown encoding \"latin-9x\". Expected a Java charset name, e.g. \"utf-8\","
            + " \"latin-1\" (ISO-8859-1), \"windows-1252\" or \"ISO-8859-15\". Fix [input]"
            + " encoding.",
        unknown.getMessage());
    IllegalArgumentException utf16 =
        assertThrows(
            IllegalArgumentException.class, () -> FileInput.of("x.csv").withEncoding("UTF-16"));
    assertEquals(
        "FileInput: encoding \"UTF-16\" (UTF-16) cannot be read: CSV files are split on ASCII"
            + " delimiters, quotes and line breaks, which needs UTF-8 or a charset of one byte per"
            + " character that keeps ASCII (ISO-8859-*, windows-125*). Convert the file to UTF-8"
            + " first, e.g. iconv -f UTF-16 -t UTF-8.",
        utf16.getMessage());
  }
}
