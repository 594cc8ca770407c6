import Foundation

/// 开放合同数据标准 — an OCDS 1.1 release (https://standard.open-contracting.org/1.1/), with the lots and bids
/// extensions. Fields left nil are omitted; amounts are yuan as exact decimals from integer fen.
public struct OCDSRelease: Sendable, Codable, Equatable {
    public var ocid: String
    public var id: String
    public var date: String
    public var tag: [String]
    public var initiationType: String
    public var language: String
    public var parties: [Party]
    public var buyer: OrganizationReference?
    public var tender: Tender
    public var bids: Bids?
    public var awards: [Award]?
    public var contracts: [Contract]?

    public struct Value: Sendable, Codable, Equatable {
        public var amount: Decimal
        public var currency: String

        init(fen: Int64, currency: String = "CNY") {
            self.amount = Decimal(fen) / 100
            self.currency = currency
        }
    }

    public struct Period: Sendable, Codable, Equatable {
        public var startDate: String?
        public var endDate: String?
    }

    public struct Identifier: Sendable, Codable, Equatable {
        public var scheme: String
        public var id: String
        public var legalName: String
    }

    public struct Party: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var identifier: Identifier?
        public var roles: [String]
    }

    public struct OrganizationReference: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
    }

    public struct Lot: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var status: String
        public var value: Value
    }

    public struct Document: Sendable, Codable, Equatable {
        public var id: String
        public var documentType: String
        public var title: String
        public var url: String
        public var datePublished: String
        public var format: String?
    }

    public struct Tender: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var description: String?
        public var status: String
        public var value: Value?
        public var procurementMethod: String
        public var procurementMethodDetails: String
        public var mainProcurementCategory: String?
        public var procuringEntity: OrganizationReference?
        public var tenderPeriod: Period?
        public var numberOfTenderers: Int?
        public var tenderers: [OrganizationReference]?
        public var lots: [Lot]
        public var documents: [Document]?
    }

    public struct BidStatistic: Sendable, Codable, Equatable {
        public var id: String
        public var measure: String
        public var value: Int
        public var relatedLot: String
    }

    public struct BidDetail: Sendable, Codable, Equatable {
        public var id: String
        public var date: String
        public var status: String
        public var tenderers: [OrganizationReference]
        public var value: Value
        public var relatedLots: [String]
    }

    public struct Bids: Sendable, Codable, Equatable {
        public var statistics: [BidStatistic]
        public var details: [BidDetail]
    }

    public struct Award: Sendable, Codable, Equatable {
        public var id: String
        public var title: String?
        public var status: String
        public var date: String?
        public var value: Value
        public var suppliers: [OrganizationReference]
        public var relatedLots: [String]
    }

    public struct Contract: Sendable, Codable, Equatable {
        public var id: String
        public var awardID: String
        public var status: String
        public var dateSigned: String?
        public var value: Value
        public var relatedLots: [String]?
    }
}
