import Foundation
import Testing
import WitnessLog

@Suite struct CanonicalJSONTests {
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 8785 §3.2.2 example input and output.
    @Test func rfc8785MainExample() throws {
        // setup
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        // exercise
        let output = try CanonicalJSON.canonical(json: Array(input.utf8))
        // validate
        #expect(Self.text(output) == #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#)
    }

    /// RFC 8785 §3.2.3 key sorting by UTF-16 code units (the emoji's surrogates sort before U+FB33).
    @Test func rfc8785SortingExample() throws {
        // setup
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        // exercise
        let output = try CanonicalJSON.canonical(json: Array(input.utf8))
        // validate
        let expected = #"{"\r":"Carriage Return","1":"One","\#u{80}":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\#u{FB33}":"Hebrew Letter Dalet With Dagesh"}"#
        #expect(Self.text(output) == expected)
    }

    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript forms.
    @Test func rfc8785NumberSamples() throws {
        // setup
        let samples: [(UInt64, String)] = [
            (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"),
            (0x0000_0000_0000_0001, "5e-324"), (0x8000_0000_0000_0001, "-5e-324"),
            (0x7fef_ffff_ffff_ffff, "1.7976931348623157e+308"), (0xffef_ffff_ffff_ffff, "-1.7976931348623157e+308"),
            (0x4340_0000_0000_0000, "9007199254740992"), (0xc340_0000_0000_0000, "-9007199254740992"),
            (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44b5_2d02_c7e1_4af5, "9.999999999999997e+22"), (0x44b5_2d02_c7e1_4af6, "1e+23"),
            (0x44b5_2d02_c7e1_4af7, "1.0000000000000001e+23"),
            (0x444b_1ae4_d6e2_ef4e, "999999999999999700000"), (0x444b_1ae4_d6e2_ef4f, "999999999999999900000"),
            (0x444b_1ae4_d6e2_ef50, "1e+21"),
            (0x3eb0_c6f7_a0b5_ed8c, "9.999999999999997e-7"), (0x3eb0_c6f7_a0b5_ed8d, "0.000001"),
            (0x41b3_de43_5555_5553, "333333333.3333332"), (0x41b3_de43_5555_5554, "333333333.33333325"),
            (0x41b3_de43_5555_5555, "333333333.3333333"), (0x41b3_de43_5555_5556, "333333333.3333334"),
            (0x41b3_de43_5555_5557, "333333333.33333343"),
            (0xbecb_f647_612f_3696, "-0.0000033333333333333333"), (0x4314_3ff3_c1cb_0959, "1424953923781206.2"),
        ]
        // exercise + validate
        for (bits, expected) in samples {
            let value = JSONValue.double(Double(bitPattern: bits))
            #expect(Self.text(try CanonicalJSON.canonical(value)) == expected, "0x\(String(bits, radix: 16))")
        }
        for bits: UInt64 in [0x7fff_ffff_ffff_ffff, 0x7ff0_0000_0000_0000, 0xfff0_0000_0000_0000] {
            #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonical(.double(Double(bitPattern: bits))) }
        }
        #expect(Self.text(try CanonicalJSON.canonical([.integer(Int64.min), .integer(0), -7, 1.5e-7, 0.1])) ==
            "[-9223372036854775808,0,-7,1.5e-7,0.1]")
    }

    @Test func escapesOnlyWhatRFC8785Escapes() throws {
        // setup
        let value: JSONValue = ["k": .string("\u{0}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}/\u{2028}\"\\é")]
        // exercise
        let output = Self.text(try CanonicalJSON.canonical(value))
        // validate
        #expect(output == "{\"k\":\"\\u0000\\b\\t\\n\\f\\r\\u001f\u{7F}/\u{2028}\\\"\\\\é\"}")
    }

    @Test func encodableGoesThroughJSONValue() throws {
        // setup
        struct Event: Encodable {
            var type = "bid.received"
            var project = "GC-2026-0001"
            var time = "2026-01-01T00:00:00Z"
            var amountFen: Int64 = 123_456_789
            var documentSHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            var tags = ["工程", "招标"]
            var withdrawn = false
            var note: String? = nil
        }
        // exercise
        let output = Self.text(try CanonicalJSON.canonical(Event()))
        // validate
        #expect(output == #"{"amountFen":123456789,"documentSHA256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","project":"GC-2026-0001","tags":["工程","招标"],"time":"2026-01-01T00:00:00Z","type":"bid.received","withdrawn":false}"#)
        let roundTrip = try JSONDecoder().decode(JSONValue.self, from: Data(output.utf8))
        #expect(try CanonicalJSON.canonical(roundTrip) == Array(output.utf8))
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonical(json: Array("{".utf8)) }
        #expect(Merkle.leafHash(try CanonicalJSON.canonical(roundTrip)) == Merkle.leafHash(Array(output.utf8)))
    }
}
