import Diagnostics
import Site

/// Compares reported diagnostics with the SiteError values expected, so tests can list expected errors as typed cases.
func == (reported: [Diagnostic], expected: [SiteError]) -> Bool { reported == expected.map(\.diagnostic) }

/// Compares what a collector gathered with the SiteError values expected.
func == (reported: DiagnosticCollector, expected: [SiteError]) -> Bool { reported.diagnostics == expected.map(\.diagnostic) }
