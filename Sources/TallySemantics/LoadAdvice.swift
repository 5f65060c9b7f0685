// Help lines that show the `load` statement which fixes how a file's columns are read.

import TallyDiagnostics
import TallySyntax

/// The `load` statement for one dataset, with the clause a message asks for.
public struct LoadAdvice {
    let dataset: DatasetSchema

    public init(dataset: DatasetSchema) {
        self.dataset = dataset
    }

    /// `load "PATH" as NAME`, for the file the dataset was read from (`"FILE"` when that is not known).
    var statement: String {
        "load \(StringLiteral.quoted(dataset.source ?? "FILE")) as \(Self.written(dataset.name))"
    }

    /// For a column the file lacks: `map a column of the file to it when loading: load "PATH" as
    /// customers with churn_date = "Your Header"`, naming the file's header when one differs from the
    /// column only in case, spaces or punctuation (`Churn Date`).
    func mapping(_ column: String) -> String {
        let header = dataset.columnNames.first { Self.folded($0) == Self.folded(column) } ?? "Your Header"
        return "map a column of the file to it when loading: \(statement) with \(Self.written(column)) = \(StringLiteral.quoted(header))"
    }

    /// `Churn Date`, `churn-date` and `CHURN_DATE` all fold to `churndate`.
    private static func folded(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// A name as a statement needs it: backquoted unless a plain, unreserved identifier.
    static func written(_ name: String) -> String {
        let plain =
            name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) } && Keyword(rawValue: name) == nil
        return plain ? name : "`\(name)`"
    }
}
