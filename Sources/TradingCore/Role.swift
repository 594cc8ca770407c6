/// 角色 — the roles of DESIGN.md; one account has one role.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// 招标人 / 采购人 / 转让方
    case tenderer
    /// 代理机构
    case agency
    /// 投标人 / 供应商 / 竞买人
    case bidder
    /// 评标专家
    case expert
    /// 开标密钥保管人
    case custodian
    /// 交易中心
    case `operator`
    /// 监管部门
    case regulator

    public var nameZh: String {
        switch self {
        case .tenderer: "招标人"
        case .agency: "代理机构"
        case .bidder: "投标人"
        case .expert: "评标专家"
        case .custodian: "开标密钥保管人"
        case .operator: "交易中心"
        case .regulator: "监管部门"
        }
    }

    /// Roles that run a procedure for a project they own.
    public var runsProcedures: Bool {
        self == .tenderer || self == .agency
    }
}
