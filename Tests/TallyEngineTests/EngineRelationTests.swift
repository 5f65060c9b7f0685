// Relation keys that a CSV file cannot hold: a text column of digits (the reader infers integers).
// The rest of many-to-one relations (missing, null and duplicated keys, text and decimal keys, filters
// and dimensions through a relation) is in the golden cases (dimensions.test), run on every engine.

import TallyData
import TallyDiagnostics
import Testing

@Suite struct EngineTextKeyTests {
    @Test func textForeignKeysFindIntegerKeys() throws {
        // Mixed key types match on their text: "17" finds customer 17.
        let customers = table("customers", ["id": .integer([17]), "plan": texts(["pro"])])
        let refs = table("refs", ["customer": texts(["17", "18"])])
        let f = Fixture(customers, refs, relations: [relation("refs", "customer", to: "customers", "id")])
        #expect(try f.rows("count(refs) as n by plan") == [[t("pro"), n(1)], [.null, n(1)]])
    }
}
