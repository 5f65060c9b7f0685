// The help lines that show how to declare a text column holding exported numbers or dates, told from
// its values.

import TallySemantics
import Testing

@Suite struct LoadAdviceTests {
    private let advice = LoadAdvice(dataset: DatasetSchema(name: "sales", columns: [], source: "in/sales.csv"))

    private func column(_ values: [String]) -> ColumnSchema {
        ColumnSchema(name: "x", type: .text, textValues: values)
    }

    @Test(arguments: [
        (["$12.50", "10.00"], "$12.50"), (["10", "1,234.50"], "1,234.50"), (["(12.00)", "3"], "(12.00)"),
        (["12 €", "-€ 3.10"], "12 €"), (["$1,234,567", "-$0.5"], "$1,234,567"), (["USD 3.00", "12.00-"], "USD 3.00"),
        (["7", "12.00-"], "12.00-"),
    ])
    func numbersAsExported(_ values: [String], _ example: String) {
        #expect(
            advice.number(column(values))
                == "its values are numbers as exported (\"\(example)\"); declare it when loading: load \"in/sales.csv\" as sales with x as number")
    }

    @Test(arguments: [(["1.234,50 €", "12,00"], "1.234,50 €", "1.234,56"), (["1 234,50", "7"], "1 234,50", "1 234,56")])
    func numbersWithADecimalComma(_ values: [String], _ example: String, _ format: String) {
        #expect(
            advice.number(column(values))
                == "its values are numbers as exported (\"\(example)\"); declare it when loading: load \"in/sales.csv\" as sales with x as number format \"\(format)\"")
    }

    @Test(arguments: [
        ["N/A", "10"], ["1,,2"], ["12.5.1"], ["$"], ["123456789012345678901"], [], ["10.00", "12,50"], ["(-3)"], ["$3 €"], [".5"],
    ])
    func notNumbersAsExported(_ values: [String]) {
        #expect(advice.number(column(values)) == nil, "\(values)")
    }

    @Test(arguments: [
        (["15.03.2024", "02.04.2024"], "15.03.2024", "%d.%m.%Y"),
        (["01/05/2024", "13/05/2024"], "13/05/2024", "%d/%m/%Y"),
        (["03-15-2024", "12-01-2024"], "03-15-2024", "%m-%d-%Y"),
        (["3/15/24", "12/1/99"], "3/15/24", "%m/%d/%y"),
        (["2024/03/15"], "2024/03/15", "%Y/%m/%d"),
        (["2024-01-05", "2024-1-6"], "2024-1-6", "%Y-%m-%d"),
        (["03/15/2024 14:30:05", "03/16/2024 9:00:00"], "03/15/2024 14:30:05", "%m/%d/%Y %H:%M:%S"),
    ])
    func datesInOneLayout(_ values: [String], _ example: String, _ format: String) {
        #expect(
            advice.dates(column(values))
                == "its values are dates written \(example); declare their layout when loading: load \"in/sales.csv\" as sales with x format \"\(format)\"")
    }

    @Test func monthOrDayFirstWhenNoValueTells() {
        #expect(
            advice.dates(column(["01/05/2024", "12/11/2024"]))
                == "its values are dates written 01/05/2024, month or day first (no value tells which); declare their layout when loading: load \"in/sales.csv\" as sales with x format \"%m/%d/%Y\" (or \"%d/%m/%Y\" for day first)")
    }

    @Test func datesInSeveralLayoutsOrNotInTheCalendar() {
        #expect(
            advice.dates(column(["01/05/2024", "03/15/2024", "15/03/2024"]))
                == "its values are dates in more than one layout (03/15/2024, 15/03/2024); a declared layout must fit them all, so write them one way in the file")
        #expect(
            advice.dates(column(["2024-02-29", "2024-02-30"]))
                == "its values are dates, but 2024-02-30 is not a real date: correct it, or leave the field empty for null")
        #expect(
            advice.dates(column(["03/15/2024 25:00"]))
                == "its values are dates, but 03/15/2024 25:00 is not a real date: correct it, or leave the field empty for null")
    }

    @Test(arguments: [["soon"], ["555-123-4567"], ["2024-03"], ["03/15/2024", "n/a"], ["1.5.2024x"], []])
    func notDates(_ values: [String]) {
        #expect(advice.dates(column(values)) == nil, "\(values)")
    }
}
