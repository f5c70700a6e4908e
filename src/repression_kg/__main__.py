from repression_kg.cli import main

main()
