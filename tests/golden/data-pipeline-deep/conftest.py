pytest_plugins = ["tests.scaffold_fixtures"]  # the fixtures and markers of Scaffold's test suites
