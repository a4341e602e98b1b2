from minzheng_cli.cli import main

main()
