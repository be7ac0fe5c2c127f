// Deep-link parsing, mirroring tests/unit/deep-links.test.ts. Pattern: a table of links and the
// route each must open, plus hostile and broken links that must open nothing. Replace the
// routes with your screens and add a row for every link format you publish.

package app.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

class DeepLinksTest {
    @Test
    fun `opens the screens its links name`() {
        assertEquals(Route.Note("42"), DeepLinks.parse("com.example.notes://notes/42"))
        assertEquals(Route.Note("42"), DeepLinks.parse("https://WWW.Example.com/notes/42/"))
        assertEquals(Route.Search("grocery list"), DeepLinks.parse("https://example.com/search?q=%20grocery%20list%20"))
        assertEquals(Route.Settings, DeepLinks.parse("com.example.notes://settings"))
        assertEquals(Route.Home, DeepLinks.parse("https://example.com/"))
    }

    @ParameterizedTest
    @ValueSource(
        strings = [
            "https://example.org/notes/42",
            "https://example.com.evil.test/notes/42",
            "http://example.com/notes/42",
            "https://example.com/admin",
            "https://example.com/notes/..%2F..%2Fsecrets",
            "com.example.notes://notes/42/edit",
            "https://example.com/search?q=%20",
            "https://example.com/notes/%E0%A4%A",
            "notes 42",
        ],
    )
    fun `refuses links that are not for this app or not well formed`(link: String) {
        assertNull(DeepLinks.parse(link))
    }

    @Test
    fun `builds links that parse back to the same route`() {
        val routes = listOf(Route.Home, Route.Note("n-7"), Route.Search("tax & receipts 2026"), Route.Settings)
        for (route in routes) assertEquals(route, DeepLinks.parse(DeepLinks.build(route)))
    }

    @Test
    fun `sends signed-out people to sign-in first`() {
        val note = Route.Note("42")
        assertEquals(Route.SignIn(note), DeepLinks.gate(note, signedIn = false))
        assertEquals(note, DeepLinks.gate(note, signedIn = true))
        assertEquals(Route.Home, DeepLinks.gate(Route.Home, signedIn = false))
    }
}
