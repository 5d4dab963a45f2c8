import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Runs a Java command (an industryts job on the FlinkRunner) and reports how much of the job each
 * of Flink's N parallel workers did. Needs only the JDK:
 *
 * <pre>
 *   java benchmarks/WorkerCpu.java -- java -jar runners/target/industryts-flink.jar \
 *       run JOB.toml --runner=FlinkRunner --parallelism 2 ...
 * </pre>
 *
 * <p>Flink runs subtask i of N of a task in a thread named "TASK (i/N)#attempt". The command runs
 * with a Java Flight Recording ({@code -XX:StartFlightRecording}, profile settings: every running
 * Java thread is sampled every 10-20 ms); afterwards the execution samples are counted per worker
 * thread. Samples are proportional to the CPU time a thread spent in Java code, and unlike polling
 * a thread dump they also see tasks that live only a few milliseconds. The command's stderr and
 * stdout pass through; then the table goes to stdout:
 *
 * <pre>
 *   TASK  w1 SAMPLES  w2 SAMPLES        one line per task with subtasks
 *   WORKERS 2 samples 1234 1187 min_share 0.49    every task
 *   ENGINE 2 samples 1100 1090 min_share 0.50     segmenting and the operations' passes only
 * </pre>
 *
 * <p>{@code min_share} is the smallest worker's part of the samples (0.5 is an even split on two
 * workers). ENGINE leaves out reading and writing the files: one output file is written by one
 * worker by design. The exit status is the command's.
 */
public final class WorkerCpu {
  private static final Pattern SUBTASK = Pattern.compile("^(.*) \\((\\d+)/(\\d+)\\)(#\\d+)?$");

  public static void main(String[] args) throws Exception {
    int i = 0;
    while (i < args.length && !args[i].equals("--")) {
      i++;
    }
    if (i + 2 >= args.length) {
      System.err.println("usage: WorkerCpu -- java ARGS...");
      System.exit(2);
    }
    Path jfr = Files.createTempFile("industryts-workers", ".jfr");
    List<String> cmd = new ArrayList<>();
    cmd.add(args[i + 1]);
    cmd.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
    cmd.addAll(List.of(args).subList(i + 2, args.length));
    Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    // the recording's start message goes to stdout: keep stdout for the table
    p.getInputStream().transferTo(System.err);
    int status = p.waitFor();
    report(samplesByThread(jfr));
    Files.deleteIfExists(jfr);
    System.exit(status);
  }

  private static Map<String, Long> samplesByThread(Path jfr) throws IOException {
    Map<String, Long> samples = new TreeMap<>();
    try (RecordingFile f = new RecordingFile(jfr)) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
          RecordedThread t = e.getThread("sampledThread");
          if (t != null && t.getJavaName() != null) {
            samples.merge(t.getJavaName(), 1L, Long::sum);
          }
        }
      }
    }
    return samples;
  }

  private static void report(Map<String, Long> samplesByThread) {
    Map<String, long[]> byTask = new TreeMap<>();
    int workers = 0;
    for (Map.Entry<String, Long> e : samplesByThread.entrySet()) {
      Matcher m = SUBTASK.matcher(e.getKey());
      if (!m.matches()) {
        continue;
      }
      int n = Integer.parseInt(m.group(3));
      workers = Math.max(workers, n);
      long[] count = byTask.computeIfAbsent(m.group(1), k -> new long[n]);
      count[Integer.parseInt(m.group(2)) - 1] += e.getValue();
    }
    long[] total = new long[workers];
    // the engine's own stages: segmenting and the fused passes (not reading or writing the file)
    long[] engine = new long[workers];
    System.out.println("Flink task (execution samples per worker)");
    for (Map.Entry<String, long[]> e : byTask.entrySet()) {
      StringBuilder line = new StringBuilder();
      String task = e.getKey();
      line.append(task.length() > 90 ? task.substring(0, 87) + "..." : task);
      for (int w = 0; w < e.getValue().length; w++) {
        line.append(String.format(Locale.ROOT, "  w%d %d", w + 1, e.getValue()[w]));
        total[w] += e.getValue()[w];
        // the plan's stages run inside the launcher's RunPlan composite
        if (task.contains(" at RunPlan/Segment/") || task.contains(" at RunPlan/Pass")) {
          engine[w] += e.getValue()[w];
        }
      }
      System.out.println("  " + line);
    }
    System.out.println(summary("WORKERS", total));
    System.out.println(summary("ENGINE", engine));
  }

  private static String summary(String label, long[] total) {
    long sum = 0;
    long min = Long.MAX_VALUE;
    StringBuilder line = new StringBuilder(label + " " + total.length + " samples");
    for (long t : total) {
      line.append(' ').append(t);
      sum += t;
      min = Math.min(min, t);
    }
    line.append(String.format(Locale.ROOT, " min_share %.2f", sum == 0 ? 0.0 : (double) min / sum));
    return line.toString();
  }
}
