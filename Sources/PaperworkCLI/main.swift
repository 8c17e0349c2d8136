import Foundation
import PaperworkCommands

exit(Paperwork.exitStatus(running: Array(CommandLine.arguments.dropFirst())))
