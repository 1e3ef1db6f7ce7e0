/// Salt and hydrate words that precise ingredient names (RxNorm PIN, FDA substance names, SPL
/// active ingredients) add to the base ingredient: "oxycodone hydrochloride" → "oxycodone".
/// Used by the lexicon build and by subject attribution ("SILDENAFIL CITRATE" → sildenafil).
public enum SaltNames {
    public static let words: Set<String> = [
        "hydrochloride", "hcl", "sodium", "potassium", "calcium", "magnesium", "sulfate", "sulphate",
        "maleate", "mesylate", "besylate", "tartrate", "bitartrate", "citrate", "phosphate", "acetate",
        "fumarate", "succinate", "bromide", "hydrobromide", "chloride", "dihydrate", "monohydrate",
        "anhydrous", "hyclate", "lactate", "gluconate", "nitrate", "propionate", "dipropionate",
        "valerate", "hemihydrate", "trihydrate", "disodium", "mononitrate", "dimesylate", "xinafoate",
        "pamoate", "decanoate", "napsylate", "tosylate", "bisulfate", "benzoate", "teoclate",
        "aspartate", "stearate", "palmitate", "oxalate", "salicylate", "camsylate", "edisylate",
        "estolate", "ethylsuccinate", "furoate", "meglumine", "tromethamine", "hydroiodide",
        "sesquihydrate", "hemisulfate", "dihydrochloride", "hemifumarate", "malate", "embonate",
        "lysine", "hydrate", "base", "free", "methylbromide", "iodide", "sulfosalicylate", "ditartrate",
        "lactobionate",
    ]

    /// The name without trailing salt words, or nil when nothing was stripped.
    public static func stripped(_ folded: String) -> String? {
        var words = folded.split(separator: " ")
        var changed = false
        while words.count > 1, let last = words.last, Self.words.contains(String(last)) {
            words.removeLast()
            changed = true
        }
        return changed ? words.joined(separator: " ") : nil
    }
}
