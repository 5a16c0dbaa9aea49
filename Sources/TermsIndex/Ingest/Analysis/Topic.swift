import Foundation

/// A subject a Dutch lawyer files a clause of general terms under; a search facet.
///
/// The first twenty follow the chapters of Dutch general terms (and of the model terms of NLdigital,
/// the NBA and Thuiswinkel); the last four are chapters that ICT terms almost always have and that
/// procurement officers look for on their own.
public enum Topic: String, Codable, Sendable, CaseIterable {
    case toepasselijkheid
    case definities
    case aanbodEnTotstandkoming = "aanbod-en-totstandkoming"
    case prijzen
    case betaling
    case levering
    case garantie
    case aansprakelijkheid
    case vrijwaring
    case overmacht
    case intellectueleEigendom = "intellectuele-eigendom"
    case geheimhouding
    case persoonsgegevens
    case duurEnBeeindiging = "duur-en-beeindiging"
    case opschortingEnOntbinding = "opschorting-en-ontbinding"
    case eigendomsvoorbehoud
    case klachten
    case herroepingsrecht
    case wijzigingVoorwaarden = "wijziging-voorwaarden"
    case toepasselijkRechtEnGeschillen = "toepasselijk-recht-en-geschillen"
    /// Extra work and changes to the assignment (meerwerk, wijziging van de opdracht).
    case meerwerk
    /// Availability, service levels, maintenance windows of a hosted service.
    case beschikbaarheid
    /// Transfer of rights and obligations under the contract to a third party.
    case overdracht
    /// Non-solicitation of each other's staff (wervingsverbod, overname personeel).
    case personeel

    /// The Dutch display name: "duur en beëindiging".
    public var label: String {
        switch self {
        case .toepasselijkheid: return "toepasselijkheid"
        case .definities: return "definities"
        case .aanbodEnTotstandkoming: return "aanbod en totstandkoming"
        case .prijzen: return "prijzen"
        case .betaling: return "betaling"
        case .levering: return "levering"
        case .garantie: return "garantie"
        case .aansprakelijkheid: return "aansprakelijkheid"
        case .vrijwaring: return "vrijwaring"
        case .overmacht: return "overmacht"
        case .intellectueleEigendom: return "intellectuele eigendom"
        case .geheimhouding: return "geheimhouding"
        case .persoonsgegevens: return "persoonsgegevens"
        case .duurEnBeeindiging: return "duur en beëindiging"
        case .opschortingEnOntbinding: return "opschorting en ontbinding"
        case .eigendomsvoorbehoud: return "eigendomsvoorbehoud"
        case .klachten: return "klachten"
        case .herroepingsrecht: return "herroepingsrecht"
        case .wijzigingVoorwaarden: return "wijziging voorwaarden"
        case .toepasselijkRechtEnGeschillen: return "toepasselijk recht en geschillen"
        case .meerwerk: return "meerwerk"
        case .beschikbaarheid: return "beschikbaarheid"
        case .overdracht: return "overdracht"
        case .personeel: return "personeel"
        }
    }
}
