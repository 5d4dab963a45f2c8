package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.io.FileInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JobPlan}: a TOML job planned for its input files, described in plain values. */
class JobPlanTest {
  private static final String JOB =
      "[pipeline]\nname = \"p\"\nkey_columns = [\"tag\"]\ntime_zone = \"Europe/Berlin\"\n\n"
          + "[[operations]]\ntype = \"fill_null\"\nmethod = \"forward\"\n\n"
          + "[[operations]]\nname = \"per_minute\"\ntype = \"resample\"\nrule = \"1min\"\n"
          + "aggregation = \"mean\"\n";

  private static JobConfig job(String toml) {
    return JobConfig.parse(toml, "job.toml", OperationRegistry.load());
  }

  private static FileInput input(Path dir) throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.write(csv, List.of("tag,time,v", "a,2024-01-01 00:00:00,1.0", "a,2024-01-01 00:00:30,"));
    return FileInput.of(csv);
  }

  @Test
  void describesTheJobForItsInputInPlainValues(@TempDir Path dir) throws IOException {
    JobConfig job = job(JOB);
    JobPlan plan = JobPlan.of(job, JobPlan.withSeries(job, input(dir)), Map.of());
    assertEquals("time", plan.timeColumn());
    assertEquals(List.of("tag"), plan.keyColumns());
    assertEquals(ZoneId.of("Europe/Berlin"), plan.timeZone());
    assertEquals(List.of("tag", "time", "v"), plan.inputSchema().getFieldNames());
    assertEquals(
        Schema.TypeName.DATETIME, plan.inputSchema().getField("time").getType().getTypeName());
    assertEquals(List.of("1_fill_null", "per_minute"), plan.stepNames());
    // resample's mean keeps the column's name; time and key stay where they were
    assertEquals(List.of("tag", "time", "v"), plan.outputSchema().getFieldNames());
    assertEquals("time", plan.outputTimeField());
    assertEquals(List.of("tag"), plan.outputKeyFields());
    assertEquals(List.of(), plan.joins());
    assertEquals(
        Map.of("1_fill_null", "fill_null", "per_minute", "resample"), JobPlan.operationTypes(job));
    assertEquals(Map.of(), JobPlan.joinedInputs(job));
  }

  @Test
  void ofStepsPlansOnlyTheNamedSteps(@TempDir Path dir) throws IOException {
    JobConfig job = job(JOB);
    JobPlan plan = JobPlan.ofSteps(job, JobPlan.withSeries(job, input(dir)), List.of("per_minute"));
    assertEquals(List.of("per_minute"), plan.stepNames());
  }

  @Test
  void joinedInputsNameEachInputWithItsFirstRightTimeColumn() {
    JobConfig job =
        job(
            "[pipeline]\nname = \"p\"\nkey_columns = [\"site\"]\n\n"
                + "[inputs.weather]\npath = \"w.csv\"\n\n[inputs.prices]\npath = \"p.csv\"\n\n"
                + "[[operations]]\ntype = \"asof_join\"\nright = \"weather\"\n"
                + "right_time_column = \"obs_time\"\ncolumns = [\"air_temp\"]\n\n"
                + "[[operations]]\ntype = \"asof_join\"\nright = \"weather\"\n"
                + "columns = [\"wind\"]\nsuffix = \"_2\"\n\n"
                + "[[operations]]\ntype = \"asof_join\"\nright = \"prices\"\n"
                + "columns = [\"eur\"]\n");
    Map<String, String> joined = JobPlan.joinedInputs(job);
    assertEquals(List.of("weather", "prices"), List.copyOf(joined.keySet()));
    assertEquals("obs_time", joined.get("weather"));
    assertEquals(null, joined.get("prices")); // detected when read
  }

  @Test
  void timingAStepTheJobLacksIsAnErrorListingTheSteps(@TempDir Path dir) throws IOException {
    JobConfig job = job(JOB);
    JobPlan plan = JobPlan.of(job, JobPlan.withSeries(job, input(dir)), Map.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> plan.timeInMemory(null, Map.of("rolling", "roll"), 1));
    assertEquals(
        "industryts: no step named \"roll\" to time; the job's steps are [1_fill_null,"
            + " per_minute].",
        e.getMessage());
  }
}
