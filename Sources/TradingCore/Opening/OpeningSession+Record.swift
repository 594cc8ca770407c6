import Foundation

extension OpeningSession {
    /// The phases in which the session has started and the record is not yet signed: objections are open.
    static let objectionPhases: Set<OpeningPhase> = [.awaitingShares, .stalled, .decrypting, .recording]

    /// The longest objection or answer text, in characters.
    public static let maxTextLength = 2000

    /// A bidder enters the live room; attendance is shown, never required.
    mutating func join(_ bidderID: String, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        guard !self.phase.isFinal else { throw self.refusal(event) }
        guard !bidderID.isEmpty else {
            throw .invalid("bidder-id", zh: "投标人标识不能为空", en: "A bidder id is required")
        }
        guard !self.present.contains(bidderID) else {
            throw .conflict("already-present", zh: "该投标人已在开标会中", en: "This bidder is already in the opening")
        }
        self.present.append(bidderID)
        return [.recordAttendance(bidderID: bidderID, present: true)]
    }

    /// A bidder leaves the live room.
    mutating func leave(_ bidderID: String, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        guard !self.phase.isFinal else { throw self.refusal(event) }
        guard let index = self.present.firstIndex(of: bidderID) else {
            throw .conflict("not-present", zh: "该投标人不在开标会中", en: "This bidder is not in the opening")
        }
        self.present.remove(at: index)
        return [.recordAttendance(bidderID: bidderID, present: false)]
    }

    /// 条例44: a bidder of this lot objects at the opening, from the deadline until the runner signs the record.
    mutating func raise(_ id: String, bidderID: String, text: String, now: Date, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        guard Self.objectionPhases.contains(self.phase) else {
            switch self.phase {
            case .scheduled:
                throw .conflict(
                    "opening-not-started", zh: "开标尚未开始，开标异议须在开标现场提出",
                    en: "The opening has not started; objections to the opening are raised during it", article: "条例44"
                )
            case .signed:
                throw .conflict(
                    "record-signed", zh: "开标记录已签署，开标现场异议已截止", en: "The opening record is signed: objections are closed",
                    article: "条例44"
                )
            default:
                throw self.refusal(event)
            }
        }
        guard (self.bids ?? []).contains(where: { $0.bidderID == bidderID }) else {
            throw .forbidden("只有本标段的投标人可以提出开标异议", en: "Only a bidder of this lot may object at the opening")
        }
        guard !id.isEmpty, !self.objections.contains(where: { $0.id == id }) else {
            throw .conflict("objection-id", zh: "异议标识为空或已存在", en: "The objection id is empty or already used")
        }
        let body = try Self.checkedText(text, what: "objection")
        let objection = OpeningObjection(id: id, bidderID: bidderID, text: body, raisedAt: now)
        self.objections.append(objection)
        return [.recordObjection(objection)]
    }

    /// 条例44: the runner answers an objection on the spot.
    mutating func answer(_ id: String, by: String, text: String, now: Date, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        try self.expect(Self.objectionPhases, for: event)
        guard by == self.plan.runner else {
            throw .forbidden("只有开标主持人可以答复开标异议", en: "Only the runner of the opening may answer an objection")
        }
        guard let index = self.objections.firstIndex(where: { $0.id == id }) else {
            throw .notFound("Objection \(id)", zh: "异议\(id)")
        }
        guard self.objections[index].isOpen else {
            throw .conflict("objection-answered", zh: "该异议已答复", en: "This objection has already been answered")
        }
        let body = try Self.checkedText(text, what: "answer")
        self.objections[index].answer = ObjectionAnswer(by: by, text: body, answeredAt: now)
        return [.recordAnswer(self.objections[index])]
    }

    /// The runner signs once every bid is decided and every objection answered; the supervisor may co-sign after.
    mutating func sign(by: String, signature: String, now: Date, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        guard !signature.isEmpty else {
            throw .invalid("signature-missing", zh: "签名不能为空", en: "The signature is missing")
        }
        let signer: OpeningSignature.Signer
        if by == self.plan.runner {
            signer = .runner
        } else if let supervisor = self.plan.supervisor, by == supervisor {
            signer = .supervisor
        } else {
            throw .forbidden("只有开标主持人或监督人可以签署开标记录", en: "Only the runner or the supervisor may sign the opening record")
        }
        switch (signer, self.phase) {
        case (.runner, .recording):
            let open = self.objections.filter(\.isOpen).count
            guard open == 0 else {
                throw .conflict(
                    "objections-open", zh: "尚有\(open)项开标异议未答复，不能签署开标记录",
                    en: "\(open) objection(s) are not answered yet; the record cannot be signed", article: "条例44"
                )
            }
            self.phase = .signed
        case (.runner, .signed), (.supervisor, .signed):
            guard !self.signatures.contains(where: { $0.signer == signer }) else {
                throw .conflict("already-signed", zh: "您已签署开标记录", en: "The opening record is already signed by this signer")
            }
        case (.supervisor, .recording):
            throw .conflict("runner-signs-first", zh: "须由开标主持人先签署开标记录", en: "The runner signs the opening record first")
        default:
            throw self.refusal(event)
        }
        let entry = OpeningSignature(by: by, signer: signer, signature: signature, signedAt: now)
        self.signatures.append(entry)
        return [.recordSignature(entry)]
    }

    /// Publishes the signed opening record.
    mutating func publish(event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        try self.expect([.signed], for: event)
        self.phase = .published
        return [.publishRecord(self.record)]
    }

    /// The opening record as it stands.
    public var record: OpeningRecord {
        OpeningRecord(
            lotID: self.plan.lotID, bidDeadline: self.plan.bidDeadline, bids: self.bids ?? [], threshold: self.plan.threshold,
            releases: self.releases, priceSheet: self.priceSheet, setAside: self.setAside, failure: self.failure,
            objections: self.objections, signatures: self.signatures
        )
    }

    private static func checkedText(_ text: String, what: String) throws(TradingError) -> String {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty, body.count <= Self.maxTextLength else {
            throw .invalid(
                "\(what)-text", zh: "内容不能为空且不超过\(Self.maxTextLength)字",
                en: "The \(what) must be 1–\(Self.maxTextLength) characters"
            )
        }
        return body
    }
}
