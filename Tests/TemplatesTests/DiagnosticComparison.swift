import Diagnostics
import Templates

/// Compares reported diagnostics with the TemplateError values expected, so tests can list expected errors as typed cases.
func == (reported: [Diagnostic], expected: [TemplateError]) -> Bool { reported == expected.map(\.diagnostic) }

/// Compares what a collector gathered with the TemplateError values expected.
func == (reported: DiagnosticCollector, expected: [TemplateError]) -> Bool { reported.diagnostics == expected.map(\.diagnostic) }
