/**
 * The job report ({@code industryts run JOB.toml --report report.html}): what the pipeline collects
 * per segment while the job runs ({@link io.industryts.runners.report.ReportCollector}), the
 * statistics merged from it on the launcher ({@link io.industryts.runners.report.TimeSteps}, {@link
 * io.industryts.runners.report.SeriesReport}), and the self-contained HTML page with inline SVG
 * plots ({@link io.industryts.runners.report.HtmlReport}, {@link
 * io.industryts.runners.report.Svg}). Design and costs: docs/report.md.
 */
package io.industryts.runners.report;
