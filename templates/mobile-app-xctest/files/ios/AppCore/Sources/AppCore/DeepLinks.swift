import Foundation

/// The app's screens that a link can open.
public indirect enum Route: Equatable, Sendable {
    case home
    case note(id: String)
    case search(query: String)
    case settings
    case signIn(next: Route)
}

/// One router for custom-scheme links (com.example.notes://notes/42), universal links
/// (https://example.com/notes/42) and notification taps. Links arrive from anywhere, so parsing
/// is strict: anything unrecognized returns nil and the app opens its home screen.
public enum DeepLinks {
    /// The scheme in CFBundleURLTypes.
    public static let scheme = "com.example.notes"

    /// Hosts listed in the Associated Domains entitlement (applinks:) and apple-app-site-association.
    public static let hosts: Set<String> = ["example.com", "www.example.com"]

    public static func parse(_ link: String) -> Route? {
        guard let components = URLComponents(string: link.trimmingCharacters(in: .whitespaces)),
              let segments = segments(of: components),
              segments.count <= 2
        else { return nil }
        let second = segments.count == 2 ? segments[1] : nil
        switch segments.first {
        case nil:
            return .home
        case "notes"?:
            guard let id = second, id.range(of: "^[A-Za-z0-9_-]{1,64}$", options: .regularExpression) != nil else { return nil }
            return .note(id: id)
        case "search"?:
            let query = components.queryItems?.first { $0.name == "q" }?.value?.trimmingCharacters(in: .whitespaces) ?? ""
            return second == nil && !query.isEmpty ? .search(query: query) : nil
        case "settings"?:
            return second == nil ? .settings : nil
        default:
            return nil
        }
    }

    /// The https link for a route, for sharing.
    public static func link(for route: Route) -> String {
        var components = URLComponents()
        components.scheme = "https"
        components.host = "example.com"
        switch route {
        case .home:
            components.path = "/"
        case .note(let id):
            components.path = "/notes/\(id)"
        case .search(let query):
            components.path = "/search"
            components.queryItems = [URLQueryItem(name: "q", value: query)]
        case .settings:
            components.path = "/settings"
        case .signIn(let next):
            return link(for: next)
        }
        return components.string ?? "https://example.com/"
    }

    /// Screens with account data go through sign-in first, then on to where the link pointed.
    public static func gate(_ route: Route, signedIn: Bool) -> Route {
        switch route {
        case .home, .signIn:
            return route
        default:
            return signedIn ? route : .signIn(next: route)
        }
    }

    private static func segments(of components: URLComponents) -> [String]? {
        let path = components.path.split(separator: "/").map(String.init)
        if components.scheme == scheme {
            // In com.example.notes://notes/42 the URL parser reads "notes" as the host.
            return ([components.host ?? ""] + path).filter { !$0.isEmpty }
        }
        if components.scheme == "https", let host = components.host?.lowercased(), hosts.contains(host) {
            return path
        }
        return nil
    }
}
