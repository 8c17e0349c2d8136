import Foundation

extension Locale {
    /// The locale numbers in files are written in (`.` for decimals), made once: creating a
    /// `Locale` costs microseconds on Linux, and numbers are read and written per cell.
    package static let posix = Locale(identifier: "en_US_POSIX")
}
