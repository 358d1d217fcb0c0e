import Foundation

/// Where the posture store lives: `--store PATH`, else `$WARD_STORE`, else
/// `$XDG_DATA_HOME/ward/posture.db`, else `~/.local/share/ward/posture.db`.
enum StoreLocation {
  static func resolve(_ option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let env = environment["WARD_STORE"], !env.isEmpty { return env }
    let dataHome: String
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      dataHome = xdg
    } else {
      dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    }
    return dataHome + "/ward/posture.db"
  }
}
