import Foundation
import Storage
import TradingCore

/// Everything public about one project that its OCDS releases are made from.
struct OCDSProjectData: Sendable {
    struct Organization: Sendable {
        var id: String
        var name: String
        var creditCode: String?
    }

    struct OpenedBid: Sendable {
        var row: BidRow
        var bidder: Organization
    }

    var ocid: String
    var baseURL: String
    var project: ProjectView
    var procedure: (code: String, nameZh: String)
    var tenderer: Organization
    var agency: Organization?
    /// The project's notices, oldest first.
    var notices: [NoticeRow]
    /// Per lot, the bids read at the opening (public from then on, 法36).
    var bids: [String: [OpenedBid]]
    /// Bidders and suppliers by party id.
    var organizations: [String: Organization]
}

extension OCDSProjectData.Organization {
    /// The OCDS party id: `CN-USCC-<credit code>` for an enterprise with a unified social credit code (统一社会信用代码),
    /// else the platform's party id.
    var partyID: String {
        self.creditCode.map { "CN-USCC-\($0)" } ?? self.id
    }

    var reference: OCDSRelease.OrganizationReference {
        .init(id: self.partyID, name: self.name)
    }
}
