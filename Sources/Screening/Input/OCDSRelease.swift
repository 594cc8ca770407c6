import Foundation

// The part of an OCDS 1.1 compiled release (with the bids extension) that screening reads.

struct OCDSReleaseID: Decodable {
    var ocid: String
}

struct OCDSRelease: Decodable {
    var ocid: String
    var tender: Tender?
    var bids: Bids?
    var awards: [Award]?

    struct Tender: Decodable {
        var tenderPeriod: Period?
        var value: Value?
    }

    struct Period: Decodable {
        var startDate: String?
        var endDate: String?
    }

    struct Value: Decodable {
        var amount: OCDSAmount?
    }

    struct Bids: Decodable {
        var details: [BidDetail]?
    }

    struct BidDetail: Decodable {
        var status: String?
        var date: String?
        var tenderers: [OrganizationReference]?
        var value: Value?
    }

    struct OrganizationReference: Decodable {
        var id: String?
    }

    struct Award: Decodable {
        var status: String?
        var suppliers: [OrganizationReference]?
    }
}

/// An OCDS amount as written: a JSON number (read as `Decimal`, so no binary rounding) or a string.
struct OCDSAmount: Decodable {
    /// Plain decimal notation, e.g. `1234567.89`.
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            self.text = string.trimmingCharacters(in: .whitespaces)
        } else {
            self.text = try container.decode(Decimal.self).description
        }
    }
}
