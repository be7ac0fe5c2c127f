// The Kotlin JVM plugin for core/, declared once here in the version the app uses, and applied
// by the modules that need it.
plugins {
    kotlin("jvm") version "2.2.20" apply false
}
