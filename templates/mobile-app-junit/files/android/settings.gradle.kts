// The Gradle build of the app's Android side. Scaffold wrote it once for the plain Kotlin/JVM
// module in core/; include your app module here too. Run the module's tests from the project
// root with `gradle -p android :core:test` (or android/gradlew once you add a wrapper).
pluginManagement {
    repositories {
        gradlePluginPortal()
        mavenCentral()
    }
}

dependencyResolutionManagement {
    repositories {
        mavenCentral()
    }
}

rootProject.name = "android"
include(":core")
