// Deep-link parsing, mirroring tests/unit/deep-links.test.ts. Pattern: a table of links and the
// route each must open, plus hostile and broken links that must open nothing. Replace the
// routes with your screens and add a row for every link format you publish.

import XCTest
@testable import AppCore

final class DeepLinksTests: XCTestCase {
    func testOpensTheScreensItsLinksName() {
        XCTAssertEqual(DeepLinks.parse("com.example.notes://notes/42"), .note(id: "42"))
        XCTAssertEqual(DeepLinks.parse("https://WWW.Example.com/notes/42/"), .note(id: "42"))
        XCTAssertEqual(DeepLinks.parse("https://example.com/search?q=%20grocery%20list%20"), .search(query: "grocery list"))
        XCTAssertEqual(DeepLinks.parse("com.example.notes://settings"), .settings)
        XCTAssertEqual(DeepLinks.parse("https://example.com/"), .home)
    }

    func testRefusesLinksThatAreNotForThisAppOrNotWellFormed() {
        let refused = [
            "https://example.org/notes/42",
            "https://example.com.evil.test/notes/42",
            "http://example.com/notes/42",
            "https://example.com/admin",
            "https://example.com/notes/..%2F..%2Fsecrets",
            "com.example.notes://notes/42/edit",
            "https://example.com/search?q=%20",
            "notes 42",
        ]
        for link in refused {
            XCTAssertNil(DeepLinks.parse(link), link)
        }
    }

    func testBuildsLinksThatParseBackToTheSameRoute() {
        let routes: [Route] = [.home, .note(id: "n-7"), .search(query: "tax receipts 2026"), .settings]
        for route in routes {
            XCTAssertEqual(DeepLinks.parse(DeepLinks.link(for: route)), route)
        }
    }

    func testSendsSignedOutPeopleToSignInFirst() {
        XCTAssertEqual(DeepLinks.gate(.note(id: "42"), signedIn: false), .signIn(next: .note(id: "42")))
        XCTAssertEqual(DeepLinks.gate(.note(id: "42"), signedIn: true), .note(id: "42"))
        XCTAssertEqual(DeepLinks.gate(.home, signedIn: false), .home)
    }
}
