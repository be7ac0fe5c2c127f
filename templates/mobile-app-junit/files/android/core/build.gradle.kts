// A plain Kotlin/JVM module for the app's logic: no Android dependencies, so its tests run on the
// JVM in seconds (gradle -p android :core:test) instead of on a device. The app module depends
// on it with implementation(project(":core")). android/settings.gradle.kts includes it and
// android/build.gradle.kts declares the Kotlin plugin's version; docs/testing.md has the lines
// for a build that already had those files.
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
