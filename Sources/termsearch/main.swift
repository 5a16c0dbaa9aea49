print("termsearch")
