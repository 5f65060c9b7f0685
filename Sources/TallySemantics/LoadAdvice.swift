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

    /// For a text column holding numbers as an export writes them: `its values are numbers as exported
    /// ("$12.50"); declare it when loading: load "PATH" as priced with amount as number` (with
    /// `format "1.234,56"` when they have a decimal comma or other separators).
    public func number(_ column: ColumnSchema) -> String? {
        guard column.type == .text, let reading = ExportedValues.numberReading(of: column.textValues) else { return nil }
        let format = reading.isStandard ? "" : " format \(StringLiteral.quoted(reading.formatExample))"
        return "its values are numbers as exported (\(StringLiteral.quoted(reading.example))); declare it when loading: "
            + "\(statement) with \(Self.written(column.name)) as number\(format)"
    }

    /// For a text column holding dates in a layout of their own: `its values are dates written
    /// 15.03.2024; declare their layout when loading: load "PATH" as events with day format "%d.%m.%Y"`.
    public func dates(_ column: ColumnSchema) -> String? {
        guard column.type == .text, let reading = ExportedValues.dateReading(of: column.textValues) else { return nil }
        switch reading {
        case .layout(let formats, let example):
            guard let format = formats.first else { return nil }
            let declare = "\(statement) with \(Self.written(column.name)) format \(StringLiteral.quoted(format))"
            guard let dayFirst = formats.dropFirst().first else {
                return "its values are dates written \(example); declare their layout when loading: \(declare)"
            }
            return "its values are dates written \(example), month or day first (no value tells which); declare their "
                + "layout when loading: \(declare) (or \(StringLiteral.quoted(dayFirst)) for day first)"
        case .mixed(let a, let b):
            return "its values are dates in more than one layout (\(a), \(b)); a declared layout must fit them all, "
                + "so write them one way in the file"
        case .impossible(let value):
            return "its values are dates, but \(value) is not a real date: correct it, or leave the field empty for null"
        }
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
