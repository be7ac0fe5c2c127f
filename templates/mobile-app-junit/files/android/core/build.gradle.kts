// A plain Kotlin/JVM module for the app's logic: no Android dependencies, so its tests run on the
// JVM in seconds (./gradlew :core:test) instead of on a device. The app module depends on it
// with implementation(project(":core")). See docs/testing.md for the lines settings.gradle.kts
// and the root build file need.
plugins {
    kotlin("jvm")
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    testImplementation(platform("org.junit:junit-bom:5.13.4"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
}

tasks.test {
    useJUnitPlatform()
}
