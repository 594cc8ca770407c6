import Foundation
import Storage
import TradingCore

/// Builds a project's OCDS releases: one per notice (招标公告 → tender, 澄清 → tenderAmendment, 开标记录 and 流标 →
/// tenderUpdate, 候选人公示 and 中标结果 → award, 终止 → tenderCancellation) and one per signed contract. Each release
/// carries what was public at its date: bids from the lot's opening record on, awards from the candidates' publicity
/// (pending) and the result (active), the contract from its signing.
enum OCDSMapping {
    static func releases(_ data: OCDSProjectData) -> [OCDSRelease] {
        var releases = data.notices.map { notice in
            Self.release(data, id: notice.id, date: notice.publishedAt, tag: Self.tag(notice.kind), notice: notice)
        }
        for lot in data.project.lots {
            guard let signed = lot.contractSignedAt.flatMap(Timestamps.parse) else { continue }
            releases.append(Self.release(data, id: "\(lot.id)-contract", date: Timestamps.millis(signed), tag: "contract", notice: nil))
        }
        return releases.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    static func tag(_ kind: String) -> String {
        switch NoticeKind(rawValue: kind) {
        case .announcement: "tender"
        case .clarification: "tenderAmendment"
        case .candidates, .result: "award"
        case .termination: "tenderCancellation"
        default: "tenderUpdate"
        }
    }

    /// The first notice of `kind` for `lot` (or for the project), in milliseconds.
    static func firstNotice(_ data: OCDSProjectData, _ kind: NoticeKind, lot: String?) -> Int64? {
        data.notices.first { $0.kind == kind.rawValue && ($0.lotId == nil || $0.lotId == lot) }?.publishedAt
    }

    static func release(_ data: OCDSProjectData, id: String, date: Int64, tag: String, notice: NoticeRow?) -> OCDSRelease {
        let project = data.project
        let terminated = Self.firstNotice(data, .termination, lot: nil).map { $0 <= date } ?? false
        var parties: [String: OCDSRelease.Party] = [:]
        func add(_ organization: OCDSProjectData.Organization, _ role: String) {
            var party = parties[organization.partyID] ?? OCDSRelease.Party(
                id: organization.partyID, name: organization.name,
                identifier: organization.creditCode.map { .init(scheme: "CN-USCC", id: $0, legalName: organization.name) }, roles: []
            )
            if !party.roles.contains(role) { party.roles.append(role) }
            parties[organization.partyID] = party
        }
        add(data.tenderer, "buyer")
        add(data.agency ?? data.tenderer, "procuringEntity")
        var lots: [OCDSRelease.Lot] = []
        var details: [OCDSRelease.BidDetail] = []
        var statistics: [OCDSRelease.BidStatistic] = []
        var awards: [OCDSRelease.Award] = []
        var contracts: [OCDSRelease.Contract] = []
        for lot in project.lots {
            let opened = Self.firstNotice(data, .openingRecord, lot: lot.id) ?? Self.firstNotice(data, .candidates, lot: lot.id)
            let failed = Self.firstNotice(data, .failure, lot: lot.id).map { $0 <= date } ?? false
            let resulted = Self.firstNotice(data, .result, lot: lot.id).map { $0 <= date } ?? false
            let publicised = Self.firstNotice(data, .candidates, lot: lot.id).map { $0 <= date } ?? false
            let status = terminated ? "cancelled" : failed ? "unsuccessful" : (resulted && lot.award != nil) ? "complete" : "active"
            lots.append(.init(id: lot.id, title: "第\(lot.number)标段 \(lot.title)", status: status, value: .init(fen: lot.estimateFen, currency: lot.currency)))
            let bids = (opened.map { $0 <= date } ?? false) ? data.bids[lot.id] ?? [] : []
            for bid in bids {
                add(bid.bidder, "tenderer")
                details.append(.init(
                    id: bid.row.id, date: Timestamps.rfc3339(Timestamps.date(bid.row.submittedAt)), status: "valid",
                    tenderers: [bid.bidder.reference], value: .init(fen: bid.row.priceFen, currency: bid.row.currency), relatedLots: [lot.id]
                ))
            }
            if !bids.isEmpty { statistics.append(.init(id: "\(lot.id)-bids", measure: "validBids", value: bids.count, relatedLot: lot.id)) }
            if resulted, let award = lot.award, let supplier = data.organizations[award.candidate.partyID] {
                add(supplier, "supplier")
                awards.append(.init(
                    id: "\(lot.id)-award", title: "第\(lot.number)标段 中标结果", status: "active", date: Timestamps.rfc3339(award.decidedAt),
                    value: .init(fen: award.candidate.price.fen, currency: lot.currency), suppliers: [supplier.reference], relatedLots: [lot.id]
                ))
                if let signed = lot.contractSignedAt.flatMap(Timestamps.parse), Timestamps.millis(signed) <= date {
                    contracts.append(.init(
                        id: "\(lot.id)-contract", awardID: "\(lot.id)-award", status: "active", dateSigned: Timestamps.rfc3339(signed),
                        value: .init(fen: award.candidate.price.fen, currency: lot.currency), relatedLots: [lot.id]
                    ))
                }
            } else if publicised, let first = lot.candidates?.first, let supplier = data.organizations[first.partyID] {
                // 中标候选人公示: the first candidate, pending until the result (法45)
                awards.append(.init(
                    id: "\(lot.id)-award", title: "第\(lot.number)标段 中标候选人公示", status: "pending", date: nil,
                    value: .init(fen: first.price.fen, currency: lot.currency), suppliers: [supplier.reference], relatedLots: [lot.id]
                ))
            }
        }
        let statuses = Set(lots.map(\.status))
        let tenderStatus = statuses == ["cancelled"] ? "cancelled" : statuses == ["unsuccessful"] ? "unsuccessful"
            : statuses.isSubset(of: ["complete", "unsuccessful"]) ? "complete" : "active"
        let deadline = project.lots.compactMap(\.bidDeadline).min()
        let announced = Self.firstNotice(data, .announcement, lot: nil)
        let bidders = Set(details.flatMap { $0.tenderers.map(\.id) })
        return OCDSRelease(
            ocid: data.ocid, id: id, date: Timestamps.rfc3339(Timestamps.date(date)), tag: [tag], initiationType: "tender", language: "zh",
            parties: parties.values.sorted { $0.id < $1.id }, buyer: data.tenderer.reference,
            tender: .init(
                id: project.dealCode, title: project.title, description: project.description.isEmpty ? nil : project.description, status: tenderStatus,
                value: .init(fen: project.lots.reduce(0) { $0 + $1.estimateFen }, currency: project.lots.first?.currency ?? "CNY"),
                procurementMethod: Self.method(data.procedure.code), procurementMethodDetails: data.procedure.nameZh,
                mainProcurementCategory: project.tradingType == "engineering" ? "works" : nil,
                procuringEntity: (data.agency ?? data.tenderer).reference,
                tenderPeriod: .init(startDate: announced.map { Timestamps.rfc3339(Timestamps.date($0)) }, endDate: deadline),
                numberOfTenderers: details.isEmpty ? nil : bidders.count,
                tenderers: details.isEmpty ? nil : parties.values.filter { $0.roles.contains("tenderer") }.sorted { $0.id < $1.id }.map { .init(id: $0.id, name: $0.name) },
                lots: lots, documents: Self.documents(data, notice: notice, date: date)
            ),
            bids: details.isEmpty ? nil : .init(statistics: statistics, details: details),
            awards: awards.isEmpty ? nil : awards, contracts: contracts.isEmpty ? nil : contracts
        )
    }

    /// 交易方式 → OCDS method (closed codelist): open tenders, auctions and listings are open; consultation and inquiry
    /// invite suppliers (selective); single source is direct; negotiation limited.
    static func method(_ catalogCode: String) -> String {
        let procedure = catalogCode.split(separator: ".").last.map(String.init) ?? catalogCode
        switch procedure {
        case "consultation", "inquiry", "invited-tender": return "selective"
        case "single-source": return "direct"
        case "negotiation": return "limited"
        default: return "open"
        }
    }

    /// The notice itself and the tender documents published by `date`.
    static func documents(_ data: OCDSProjectData, notice: NoticeRow?, date: Int64) -> [OCDSRelease.Document]? {
        var documents: [OCDSRelease.Document] = []
        if let notice {
            let type = switch NoticeKind(rawValue: notice.kind) {
            case .announcement: "tenderNotice"
            case .clarification: "clarifications"
            case .candidates, .result: "awardNotice"
            default: "tenderNotice"
            }
            documents.append(.init(id: notice.id, documentType: type, title: notice.title, url: "\(data.baseURL)/notices/\(notice.id)",
                                   datePublished: Timestamps.rfc3339(Timestamps.date(notice.publishedAt)), format: "text/html"))
        }
        for document in data.project.documents where document.kind == "tender" {
            guard let uploaded = Timestamps.parse(document.uploadedAt), Timestamps.millis(uploaded) <= date else { continue }
            documents.append(.init(id: document.sha256, documentType: "biddingDocuments", title: document.filename, url: data.baseURL + document.url,
                                   datePublished: document.uploadedAt, format: nil))
        }
        return documents.isEmpty ? nil : documents
    }
}
