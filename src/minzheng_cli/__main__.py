from minzheng_cli.cli.app import main

main()
