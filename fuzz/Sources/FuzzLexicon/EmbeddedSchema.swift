// EmbeddedSchema.swift: the catalog FuzzLexicon validates against, built once from lexicons embedded here
// (a trimmed app.bsky.feed.post and what it refers to), so the target needs no files.
// Book: docs/09-lexicons.md.
import Engine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let fuzzPost = try! NSID("app.bsky.feed.post")

/// Built once, on the first input, with leak checking off (see `withoutLeakChecks`).
let fuzzCatalog: LexiconCatalog = withoutLeakChecks {
    do { return try LexiconCatalog(json: embeddedLexicons.map { Array($0.utf8) }) } catch {
        fatalError("embedded lexicons: \(error)")
    }
}

/// Runs `body` with LeakSanitizer off for this thread. Swift keeps pointers to `indirect` enum
/// payloads with tag bits set, which LSan does not recognise, so at exit it reports the global
/// catalog's schema nodes as leaked although the catalog still holds them. Found with `dlsym`,
/// so a build without sanitizers still links.
func withoutLeakChecks<T>(_ body: () -> T) -> T {
    typealias Toggle = @convention(c) () -> Void
    let disable = dlsym(nil, "__lsan_disable").map { unsafeBitCast($0, to: Toggle.self) }
    let enable = dlsym(nil, "__lsan_enable").map { unsafeBitCast($0, to: Toggle.self) }
    disable?()
    defer { enable?() }
    return body()
}

let embeddedLexicons = [
    #"""
    {"lexicon":1,"id":"app.bsky.feed.post","defs":{
      "main":{"type":"record","key":"tid","record":{"type":"object","required":["text","createdAt"],"properties":{
        "text":{"type":"string","maxLength":3000,"maxGraphemes":300},
        "facets":{"type":"array","items":{"type":"ref","ref":"app.bsky.richtext.facet"}},
        "reply":{"type":"ref","ref":"#replyRef"},
        "embed":{"type":"union","refs":["app.bsky.embed.images","#quote"]},
        "labels":{"type":"union","refs":["#selfLabels"],"closed":true},
        "langs":{"type":"array","maxLength":3,"items":{"type":"string","format":"language"}},
        "tags":{"type":"array","maxLength":8,"items":{"type":"string","maxLength":640,"maxGraphemes":64}},
        "via":{"type":"string","format":"at-identifier"},
        "tid":{"type":"string","format":"tid"},
        "rkey":{"type":"string","format":"record-key"},
        "nsid":{"type":"string","format":"nsid"},
        "site":{"type":"string","format":"uri"},
        "raw":{"type":"bytes","maxLength":16},
        "link":{"type":"cid-link"},
        "extra":{"type":"unknown"},
        "mood":{"type":"string","enum":["happy","sad"]},
        "score":{"type":"integer","minimum":0,"maximum":10},
        "pinned":{"type":"boolean","const":true},
        "createdAt":{"type":"string","format":"datetime"}}}},
      "replyRef":{"type":"object","required":["root","parent"],"properties":{
        "root":{"type":"ref","ref":"com.atproto.repo.strongRef"},
        "parent":{"type":"ref","ref":"com.atproto.repo.strongRef"}}},
      "quote":{"type":"object","required":["record"],"properties":{
        "record":{"type":"ref","ref":"com.atproto.repo.strongRef"}}},
      "selfLabels":{"type":"object","required":["values"],"properties":{"values":{"type":"array","maxLength":10,
        "items":{"type":"object","required":["val"],"properties":{"val":{"type":"string","maxLength":128}}}}}}}}
    """#,
    #"""
    {"lexicon":1,"id":"app.bsky.richtext.facet","defs":{
      "main":{"type":"object","required":["index","features"],"properties":{
        "index":{"type":"ref","ref":"#byteSlice"},
        "features":{"type":"array","items":{"type":"union","refs":["#mention","#link","#tag"]}}}},
      "mention":{"type":"object","required":["did"],"properties":{"did":{"type":"string","format":"did"}}},
      "link":{"type":"object","required":["uri"],"properties":{"uri":{"type":"string","format":"uri"}}},
      "tag":{"type":"object","required":["tag"],"properties":{
        "tag":{"type":"string","maxLength":640,"maxGraphemes":64}}},
      "byteSlice":{"type":"object","required":["byteStart","byteEnd"],"properties":{
        "byteStart":{"type":"integer","minimum":0},"byteEnd":{"type":"integer","minimum":0}}}}}
    """#,
    #"""
    {"lexicon":1,"id":"app.bsky.embed.images","defs":{
      "main":{"type":"object","required":["images"],"properties":{
        "images":{"type":"array","items":{"type":"ref","ref":"#image"},"maxLength":4}}},
      "image":{"type":"object","required":["image","alt"],"properties":{
        "image":{"type":"blob","accept":["image/*"],"maxSize":2000000},
        "alt":{"type":"string"},
        "aspectRatio":{"type":"ref","ref":"#aspectRatio"}}},
      "aspectRatio":{"type":"object","required":["width","height"],"properties":{
        "width":{"type":"integer","minimum":1},"height":{"type":"integer","minimum":1}}}}}
    """#,
    #"""
    {"lexicon":1,"id":"com.atproto.repo.strongRef","defs":{
      "main":{"type":"object","required":["uri","cid"],"properties":{
        "uri":{"type":"string","format":"at-uri"},"cid":{"type":"string","format":"cid"}}}}}
    """#,
]
