// ReservedHandles.swift: names nobody may register in front of a service domain.
// Book: docs/12-accounts-and-dids.md ("Handles an account may take").

/// Names reserved under a service domain: protocol words, infrastructure host names, and words that
/// would let an account pass for the operator. A short list of our own; the reference PDS keeps a
/// longer one (about a thousand names, including well-known people and brands).
enum ReservedHandles {
    /// The reserved names, lower case.
    static let names: Set<String> = [
        // atproto and this server
        "at", "atp", "atproto", "pds", "plc", "did", "dids", "xrpc", "lexicon", "lexicons", "repo", "repos",
        "firehose", "relay", "appview", "labeler", "labelers", "feed", "feeds", "bsky", "bluesky", "ozone",
        "handle", "handles", "invalid", "oauth", "jwks", "well-known",
        // operators and staff
        "admin", "administrator", "root", "sysadmin", "staff", "team", "mod", "mods", "moderator", "moderation",
        "support", "help", "helpdesk", "security", "abuse", "safety", "trust", "legal", "privacy", "terms",
        "tos", "official", "verified", "system", "operator", "owner", "service", "services", "status",
        "postmaster", "hostmaster", "webmaster", "noreply", "no-reply", "contact", "info", "about", "billing",
        "account", "accounts", "settings", "profile", "profiles", "user", "users", "username", "everyone",
        // infrastructure host names
        "www", "web", "api", "apis", "app", "apps", "dev", "devs", "developer", "developers", "docs", "doc",
        "mail", "email", "smtp", "imap", "pop", "ftp", "ssh", "vpn", "dns", "ns1", "ns2", "cdn", "static",
        "assets", "media", "images", "img", "blob", "blobs", "files", "upload", "uploads", "download",
        "downloads", "auth", "login", "logout", "signin", "signup", "register", "join", "invite", "invites",
        "blog", "news", "shop", "store", "status-page", "metrics", "monitor", "monitoring", "grafana",
        "prometheus", "test", "testing", "staging", "prod", "production", "localhost", "internal", "local",
        "example", "null", "undefined", "none", "self", "host", "server", "proxy", "gateway", "health",
        "robots", "sitemap", "favicon", "search", "explore", "home", "index", "dashboard", "console", "portal",
    ]
}
