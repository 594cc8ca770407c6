import Foundation

extension PushCheck {
    /// Validity findings: formats and references. A credit code whose check character fails is recorded, not refused
    /// (GB 32100 codes of some early registrations fail it; shared/RULES.md).
    func validity(_ item: PushedItem) -> [Finding] {
        var findings: [Finding] = []
        func refuse(_ field: String, _ code: String, _ zh: String, _ en: String) {
            findings.append(Finding(aspect: .validity, field: field, code: code, zh: zh, en: en, refuses: true))
        }
        for (field, party) in [("tenderer", item.tenderer), ("winner", item.winner)] {
            guard let raw = party?.creditCode, !raw.isEmpty else { continue }
            do {
                let code = try CreditCode(raw)
                if case .flagged(let zh, let en) = code.verdict {
                    findings.append(Finding(aspect: .validity, field: "\(field).creditCode", code: "credit-code-check", zh: "统一社会信用代码\(zh)", en: "credit code: \(en)", refuses: false))
                }
            } catch {
                refuse("\(field).creditCode", error.code, error.zh, error.en)
            }
        }
        if let amount = item.amountFen, amount < 0 {
            refuse("amountFen", "negative-amount", "金额（分）不能为负数", "amountFen must not be negative")
        }
        if let kind = item.noticeKind, self.kind == .notices, NoticeKind(rawValue: kind) == nil {
            let all = NoticeKind.allCases.map(\.rawValue).joined(separator: ", ")
            refuse("noticeKind", "unknown-notice-kind", "未知的公告类型 \(kind)（可选：\(all)）", "Unknown notice kind \(kind) (one of: \(all))")
        }
        if let type = item.tradingType, !type.isEmpty, !self.context.tradingTypes.contains(type) {
            refuse("tradingType", "trading-type-not-allowed", "交易类型 \(type) 未知或未登记给本分平台", "Trading type \(type) is unknown or not registered for this platform")
        }
        if let region = item.region, !region.isEmpty, !region.hasPrefix(self.context.region) {
            refuse("region", "region-outside-platform", "地区 \(region) 不在本分平台的地区 \(self.context.region) 内", "Region \(region) lies outside the platform's region \(self.context.region)")
        }
        for (field, text) in [("eventAt", item.eventAt), ("publishedAt", item.publishedAt)] {
            guard let text, !text.isEmpty else { continue }
            guard let date = Self.instant(text) else {
                refuse(field, "invalid-date", "\(field) 不是 RFC 3339 时间（如 2026-11-02T10:00:00+08:00）", "\(field) is not an RFC 3339 time (e.g. 2026-11-02T10:00:00+08:00)")
                continue
            }
            if date > self.context.receivedAt.addingTimeInterval(300) {
                refuse(field, "date-in-future", "\(field) 晚于接收时间", "\(field) lies after the time the push was received")
            }
        }
        if let event = item.eventAt.flatMap(Self.instant), let published = item.publishedAt.flatMap(Self.instant), published < event {
            refuse("publishedAt", "published-before-event", "发布时间早于所公开的事项发生时间", "publishedAt lies before eventAt, the step it discloses")
        }
        if self.kind != .notices, let project = item.projectCode, !project.isEmpty, !self.context.knownProjects.contains(project) {
            refuse("projectCode", "unknown-project", "项目 \(project) 尚未由本分平台推送公告", "Project \(project) has no notice pushed by this platform")
        }
        let texts = [item.id, item.projectCode, item.projectTitle, item.noticeKind, item.title, item.body, item.tradingType, item.region, item.tenderer?.name,
                     item.tenderer?.creditCode, item.winner?.name, item.winner?.creditCode, item.eventAt, item.publishedAt]
        if texts.contains(where: { $0?.unicodeScalars.contains("\u{0}") == true }) {
            refuse("item", "nul-character", "数据项含有空字符（U+0000）", "The item contains a NUL character (U+0000)")
        }
        if let title = item.title, title.count > 500 { refuse("title", "title-too-long", "标题不超过500字", "The title is at most 500 characters") }
        if let body = item.body, body.count > 50_000 { refuse("body", "body-too-long", "正文不超过50000字", "The body is at most 50,000 characters") }
        if let id = item.id, id.count > 200 { refuse("id", "id-too-long", "数据项标识不超过200字符", "The item id is at most 200 characters") }
        if let code = item.projectCode, code.count > 200 { refuse("projectCode", "project-code-too-long", "项目编号不超过200字符", "The project code is at most 200 characters") }
        return findings
    }

    /// Timeliness: the catalog's duty for the disclosed notice (or, for deals, the contract duty) of the item's trading
    /// type; published after its due time → a finding that does not refuse the item (late data is still data).
    func timeliness(_ item: PushedItem, into verdict: inout Verdict) {
        guard let type = item.tradingType, let event = item.eventAt.flatMap(Self.instant), let published = item.publishedAt.flatMap(Self.instant) else { return }
        let duty = self.context.catalog.duties(for: type).first { duty in
            switch (duty.item, self.kind) {
            case (.notice(let kind), _): kind == item.disclosedNotice(self.kind)
            case (.document(let kind), .deals): kind == "contract"
            default: false
            }
        }
        guard let duty else { return }
        let due = duty.due(after: event, calendar: self.context.calendar)
        verdict.duty = duty.code
        verdict.dueAt = due
        if published > due {
            verdict.findings.append(Finding(
                aspect: .timeliness, field: "publishedAt", code: "published-late",
                zh: "\(duty.nameZh)应在事项发生后\(duty.within)\(duty.unit.nameZh)内公开（\(duty.basis)），实际逾期",
                en: "\(duty.nameEn) is due within \(duty.within) \(duty.unit == .days ? "days" : "working days") of the step (\(duty.basis)); it was published late",
                refuses: false
            ))
        }
    }

    /// An RFC 3339 instant with or without fractional seconds.
    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
