import Diagnostics

/// Swift Testing also has a `SourceLocation`; in these tests the name means Guidepost's.
typealias SourceLocation = Diagnostics.SourceLocation
