package app.core

import java.net.URI
import java.net.URISyntaxException
import java.net.URLDecoder
import java.net.URLEncoder
import java.nio.charset.StandardCharsets.UTF_8

/** The app's screens that a link can open. */
sealed interface Route {
    data object Home : Route
    data class Note(val noteId: String) : Route
    data class Search(val query: String) : Route
    data object Settings : Route
    data class SignIn(val next: Route) : Route
}

/**
 * One router for custom-scheme links (com.example.notes://notes/42), App Links
 * (https://example.com/notes/42) and notification taps. Links arrive from anywhere, so parsing
 * is strict: anything unrecognized returns null and the app opens its home screen.
 */
object DeepLinks {
    /** The scheme in the app's intent filter. */
    const val SCHEME = "com.example.notes"

    /** Hosts verified for App Links (assetlinks.json). */
    val HOSTS = listOf("example.com", "www.example.com")

    private val NOTE_ID = Regex("^[A-Za-z0-9_-]{1,64}$")

    fun parse(link: String): Route? {
        val uri = try {
            URI(link.trim())
        } catch (e: URISyntaxException) {
            return null
        }
        val segments = segmentsOf(uri) ?: return null
        if (segments.size > 2) return null
        val first = segments.getOrNull(0)
        val second = segments.getOrNull(1)
        return when {
            first == null -> Route.Home
            first == "notes" && second != null -> if (NOTE_ID.matches(second)) Route.Note(second) else null
            first == "search" && second == null -> queryParam(uri, "q")?.trim()?.takeIf { it.isNotEmpty() }?.let { Route.Search(it) }
            first == "settings" && second == null -> Route.Settings
            else -> null
        }
    }

    /** The https link for a route, for sharing. */
    fun build(route: Route): String {
        val base = "https://${HOSTS.first()}"
        return when (route) {
            Route.Home -> "$base/"
            is Route.Note -> "$base/notes/${URLEncoder.encode(route.noteId, UTF_8)}"
            is Route.Search -> "$base/search?q=${URLEncoder.encode(route.query, UTF_8)}"
            Route.Settings -> "$base/settings"
            is Route.SignIn -> build(route.next)
        }
    }

    /** Screens with account data go through sign-in first, then on to where the link pointed. */
    fun gate(route: Route, signedIn: Boolean): Route =
        if (signedIn || route == Route.Home || route is Route.SignIn) route else Route.SignIn(route)

    private fun segmentsOf(uri: URI): List<String>? {
        val path = uri.path.orEmpty().split('/').filter { it.isNotEmpty() }
        return when {
            // In com.example.notes://notes/42 the URI parser reads "notes" as the authority.
            uri.scheme == SCHEME -> listOfNotNull(uri.authority) + path
            uri.scheme == "https" && uri.host?.lowercase() in HOSTS -> path
            else -> null
        }
    }

    private fun queryParam(uri: URI, name: String): String? =
        uri.rawQuery?.split('&')
            ?.map { it.split('=', limit = 2) }
            ?.firstOrNull { it[0] == name }
            ?.let { URLDecoder.decode(it.getOrElse(1) { "" }, UTF_8) }
}
