import Content
import Diagnostics

/// Compares reported diagnostics with the ContentError values expected, so tests can list expected errors as typed cases.
func == (reported: [Diagnostic], expected: [ContentError]) -> Bool { reported == expected.map(\.diagnostic) }

/// Compares what a collector gathered with the ContentError values expected.
func == (reported: DiagnosticCollector, expected: [ContentError]) -> Bool { reported.diagnostics == expected.map(\.diagnostic) }
