/// How the generic `XMLIngester` finds sections in an XML leaflet format it does not know,
/// as given in the pipeline file, e.g. `{ path: "//chapter", title: "heading", text: "body" }`.
package struct XMLSectionMapping: Sendable, Hashable {
    /// Selects the section elements (`XMLPath`, absolute or `//`).
    package var path: XMLPath
    /// Relative path of the heading inside a section: an element or `@attribute`. Optional.
    package var title: XMLPath?
    /// Relative path of the content inside a section. Default: the section element itself
    /// (minus its heading and any nested mapped sections).
    package var text: XMLPath?
    /// Fixed section name; default: the heading, lower-cased.
    package var name: String?

    package init(path: XMLPath, title: XMLPath? = nil, text: XMLPath? = nil, name: String? = nil) {
        self.path = path
        self.title = title
        self.text = text
        self.name = name
    }

    /// Builds a mapping from path strings; throws `InputError(.configuration)` on a bad path.
    package init(path: String, title: String? = nil, text: String? = nil, name: String? = nil) throws(InputError) {
        self.path = try XMLPath(path)
        self.title = try title.map { (t) throws(InputError) in try XMLPath(t) }
        self.text = try text.map { (t) throws(InputError) in try XMLPath(t) }
        self.name = name
    }
}
